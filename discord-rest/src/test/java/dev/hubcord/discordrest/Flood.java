package dev.hubcord.discordrest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Virtual threads sending message creates as fast as their limiter lets them, until stopped. */
final class Flood implements AutoCloseable {

    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** {@code threadsPerClient} threads per client; thread {@code t} of all picks its channel with {@code channel}. */
    Flood(List<DiscordRest> clients, int threadsPerClient, IntFunction<Long> channel) {
        int t = 0;
        for (DiscordRest client : clients) {
            for (int i = 0; i < threadsPerClient; i++) {
                int id = t++;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int n = 0; running; n++) {
                        long c = channel.apply(id * 1_000 + n);
                        try {
                            client.execute(RestRequest.of("POST", "/channels/" + c + "/messages")
                                    .withBody(Map.of("content", "flood " + id + " " + n)));
                        } catch (DiscordRestException e) {
                            failures.computeIfAbsent(e.kind().name(), k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                }));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join();
        }
    }
}
