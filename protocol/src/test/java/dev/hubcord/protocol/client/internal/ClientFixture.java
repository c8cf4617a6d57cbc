package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.client.StateChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client under test with everything it reports recorded. */
final class ClientFixture implements AutoCloseable {

    static final String SECRET = "test-secret";

    final DefaultHubClient client;
    final List<IncomingEvent> events = new CopyOnWriteArrayList<>();
    final List<String> eventThreads = new CopyOnWriteArrayList<>();
    final List<StateChange> states = new CopyOnWriteArrayList<>();
    final List<HubClientException> errors = new CopyOnWriteArrayList<>();

    ClientFixture(HubClientOptions options) {
        client = (DefaultHubClient) HubClient.create(options);
        client.addEventListener(event -> {
            eventThreads.add(Thread.currentThread().getName());
            events.add(event);
        });
        client.addConnectionListener(states::add);
        client.addErrorListener(errors::add);
    }

    /** Options for a loopback hub with fast reconnects. */
    static HubClientOptions.Builder options(ScriptedHub hub, ServiceType type) {
        return HubClientOptions.builder(hub.uri(), type, SECRET)
                .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(50))
                .connectTimeout(Duration.ofSeconds(2));
    }

    List<ConnectionState> stateSequence() {
        return states.stream().map(StateChange::state).toList();
    }

    List<Long> seqs() {
        return events.stream().map(IncomingEvent::seq).toList();
    }

    boolean hasError(HubClientException.Kind kind) {
        return errors.stream().anyMatch(e -> e.kind() == kind);
    }

    @Override
    public void close() {
        client.close();
    }
}
