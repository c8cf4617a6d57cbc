package dev.hubcord.commands.exec;

import dev.hubcord.commands.store.Journal;
import dev.hubcord.protocol.client.IncomingEvent;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EXECUTE_COMMAND listener. It returns at once (the hub client's dispatcher stays free for the next event) after
 * handing the command to a virtual thread; at most {@code maxInFlight} run together. The event is acknowledged
 * only when the command has finished, so a worker that dies mid-command leaves it to the hub to redeliver. A
 * command the journal has as done is acknowledged without running again. Components and modal submits go the same
 * way to the {@link ComponentRunner}; autocomplete requests get slots of their own (see {@link #AUTOCOMPLETE_SLOTS}).
 */
public final class CommandIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandIntake.class);

    /** Autocomplete requests answered at once; more wait, but never behind commands. */
    static final int AUTOCOMPLETE_SLOTS = 64;

    private final CommandRunner runner;
    private final ComponentRunner components;
    private final AutocompleteRunner autocomplete;
    private final Journal journal;
    private final Semaphore slots;
    private final Semaphore autocompleteSlots = new Semaphore(AUTOCOMPLETE_SLOTS);
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("command-", 0).factory());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    public CommandIntake(CommandRunner runner, WorkerServices services, Journal journal, int maxInFlight) {
        this.runner = runner;
        this.components = new ComponentRunner(services);
        this.autocomplete = new AutocompleteRunner(services);
        this.journal = journal;
        this.slots = new Semaphore(maxInFlight);
    }

    /** The hub listener for EXECUTE_COMMAND. */
    public void onEvent(IncomingEvent event) {
        CommandRequest request = CommandRequest.from(event.data());
        if (request == null) {
            log.warn("EXECUTE_COMMAND s={} without command, author or channel: acknowledged and dropped", event.seq());
            event.ack();
            return;
        }
        event.deferAck(); // acknowledged by work() once the command has finished, on its own thread
        inFlight.incrementAndGet();
        try {
            // Autocomplete has 3 s and no side effects: its own slots, so it never queues behind long commands.
            threads.execute(request.isAutocomplete() ? () -> suggest(event, request) : () -> work(event, request));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.decrementAndGet();
            log.info("{}: shutting down, left unacknowledged for another worker", CommandRunner.describe(request));
        }
    }

    private void work(IncomingEvent event, CommandRequest request) {
        try {
            slots.acquire();
            try {
                runOnce(request);
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: not acknowledged, so the hub redelivers it
        } catch (RuntimeException e) {
            // The journal (database) failed: the command is not acknowledged and will come again.
            log.error("{}: not run, not acknowledged", CommandRunner.describe(request), e);
            return;
        } finally {
            inFlight.decrementAndGet();
        }
        event.ack();
    }

    private void suggest(IncomingEvent event, CommandRequest request) {
        try {
            autocompleteSlots.acquire();
            try {
                autocomplete.run(request);
            } finally {
                autocompleteSlots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            inFlight.decrementAndGet();
        }
        event.ack();
    }

    private void runOnce(CommandRequest request) {
        String key = request.key();
        if (key != null && journal.done(key)) {
            skipped.incrementAndGet();
            log.info("{}{}: already done, acknowledged without running", CommandRunner.describe(request),
                    request.redelivered() ? " (redelivered)" : "");
            return;
        }
        if (request.isComponent()) {
            components.run(request);
        } else {
            runner.run(request);
        }
        if (key != null) {
            journal.mark(key, Journal.DONE);
        }
    }

    /** Commands running or waiting for a slot (the heartbeat's {@code inFlight}). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Commands acknowledged without running because they were done already. */
    public int skipped() {
        return skipped.get();
    }

    /** Lets running commands finish for up to {@code seconds}, then interrupts them. */
    public void shutdown(long seconds) {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(seconds, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(5);
    }
}
