package dev.hubcord.hub.client;

import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.client.StateChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real {@link HubClient} connected to a {@link TestHub}, with what it reports recorded. */
final class Clients implements AutoCloseable {

    static final String GUILD = "41771983423143937";

    final HubClient client;
    final List<IncomingEvent> events = new CopyOnWriteArrayList<>();
    final List<StateChange> states = new CopyOnWriteArrayList<>();
    final List<HubClientException> errors = new CopyOnWriteArrayList<>();

    private Clients(HubClientOptions options) {
        client = HubClient.create(options);
        client.addEventListener(events::add);
        client.addConnectionListener(states::add);
        client.addErrorListener(errors::add);
    }

    static HubClientOptions.Builder options(TestHub hub, ServiceType type) {
        return HubClientOptions.builder(hub.wsUri(), type, TestHub.SECRET)
                .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(50))
                .connectTimeout(Duration.ofSeconds(5));
    }

    static Clients of(HubClientOptions options) {
        return new Clients(options);
    }

    /** Creates the client and waits for IDENTIFIED. */
    static Clients connected(HubClientOptions options) throws Exception {
        Clients c = new Clients(options);
        c.client.connect().get(10, TimeUnit.SECONDS);
        return c;
    }

    static Clients connected(TestHub hub, ServiceType type) throws Exception {
        return connected(options(hub, type).build());
    }

    String session() {
        return client.identified().orElseThrow().session();
    }

    /** The hub's side of this client's session. */
    Session hubSession(TestHub hub) {
        return hub.server().core().sessions().get(session());
    }

    List<IncomingEvent> named(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    boolean hasError(HubClientException.Kind kind) {
        return errors.stream().anyMatch(e -> e.kind() == kind);
    }

    @Override
    public void close() {
        client.close();
    }
}
