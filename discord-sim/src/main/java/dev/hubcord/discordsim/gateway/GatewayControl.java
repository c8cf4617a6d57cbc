package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Envelope;
import java.util.Comparator;
import java.util.List;

/**
 * Test controls for the gateway: close or drop connections, force op 7 / op 9, request heartbeats, and read what
 * clients sent and how IDENTIFYs were answered. Shard-level methods act on every open, authenticated connection of
 * that shard id and return how many they touched.
 */
public final class GatewayControl {

    private final Gateway gw;

    GatewayControl(Gateway gateway) {
        this.gw = gateway;
    }

    public List<GatewayRecords.ConnectionInfo> connections() {
        return gw.connections.values().stream().sorted(Comparator.comparingLong(GatewayConnection::id))
                .map(GatewayConnection::info).toList();
    }

    private List<GatewayConnection> liveOnShard(int shardId) {
        return gw.connections.values().stream()
                .filter(c -> c.open() && c.shardId() == shardId && c.session() != null)
                .sorted(Comparator.comparingLong(GatewayConnection::id)).toList();
    }

    private GatewayConnection connection(long id) {
        GatewayConnection c = gw.connections.get(id);
        if (c == null) {
            throw new SimException(SimException.Kind.NOT_FOUND,
                    "unknown connection " + id);
        }
        return c;
    }

    public void close(long connectionId, int code) {
        connection(connectionId).close(code);
    }

    public void drop(long connectionId) {
        connection(connectionId).drop();
    }

    /** Op 7 RECONNECT; the server closes (or drops) the socket after the configured delay. */
    public void reconnect(long connectionId) {
        gw.reconnect(connection(connectionId));
    }

    /**
     * Op 9 with {@code d = resumable}. With false the session is dead (a RESUME gets op 9 false); with true it stays
     * resumable. Either way the connection then expects IDENTIFY or RESUME.
     */
    public void invalidateSession(long connectionId, boolean resumable) {
        GatewayConnection c = connection(connectionId);
        c.execute(() -> {
            Session s = c.session();
            if (s != null) {
                if (resumable) {
                    s.detach(c, false);
                } else {
                    s.invalidate();
                    gw.sessions.remove(s.id(), s);
                }
            }
            c.deauthenticate();
            gw.invalidSession(c, resumable);
        });
    }

    /** Op 1 from the server: the client must heartbeat at once. */
    public void requestHeartbeat(long connectionId) {
        connection(connectionId).send(Envelope.op(1, (JsonNode) null));
    }

    public int closeShard(int shardId, int code) {
        List<GatewayConnection> cs = liveOnShard(shardId);
        cs.forEach(c -> c.close(code));
        return cs.size();
    }

    public int dropShard(int shardId) {
        List<GatewayConnection> cs = liveOnShard(shardId);
        cs.forEach(GatewayConnection::drop);
        return cs.size();
    }

    public int reconnectShard(int shardId) {
        List<GatewayConnection> cs = liveOnShard(shardId);
        cs.forEach(gw::reconnect);
        return cs.size();
    }

    public int invalidateShard(int shardId, boolean resumable) {
        List<GatewayConnection> cs = liveOnShard(shardId);
        cs.forEach(c -> invalidateSession(c.id(), resumable));
        return cs.size();
    }

    public int requestHeartbeatShard(int shardId) {
        List<GatewayConnection> cs = liveOnShard(shardId);
        cs.forEach(c -> requestHeartbeat(c.id()));
        return cs.size();
    }

    /** Makes the next {@code count} new connections receive op 7 before (instead of) HELLO. */
    public void reconnectBeforeHello(int count) {
        gw.reconnectBeforeHello.set(count);
    }

    /** Payloads one connection sent, in order. */
    public List<GatewayRecords.Received> received(long connectionId) {
        return connection(connectionId).received();
    }

    /** Payloads sent on any connection that identified or resumed as {@code shardId}, in connection order. */
    public List<GatewayRecords.Received> receivedByShard(int shardId) {
        return gw.connections.values().stream().filter(c -> c.shardId() == shardId)
                .sorted(Comparator.comparingLong(GatewayConnection::id))
                .flatMap(c -> c.received().stream()).toList();
    }

    public List<GatewayRecords.Identify> identifies() {
        synchronized (gw.identifies) {
            return List.copyOf(gw.identifies);
        }
    }

    public List<GatewayRecords.Identify> identifies(int shardId) {
        return identifies().stream().filter(i -> i.shardId() == shardId).toList();
    }

    /** Accepted IDENTIFYs only (the ones that started a session). */
    public long acceptedIdentifies(int shardId) {
        return identifies(shardId).stream().filter(i -> "ACCEPTED".equals(i.outcome())).count();
    }

    public int sessionStartsRemaining() {
        return gw.identifyLimiter.remaining();
    }

    public void setSessionStartsRemaining(int remaining) {
        gw.identifyLimiter.setRemaining(remaining);
    }

    /** Ids of live sessions (connected or resumable). */
    public List<String> sessionIds() {
        long now = System.nanoTime();
        return gw.sessions.values().stream()
                .filter(s -> !s.expired(now, gw.config.resumeTimeoutMs() * 1_000_000L)).map(Session::id).sorted()
                .toList();
    }
}
