package dev.hubcord.discordsim.voice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.DaveOutbound;
import dev.hubcord.dave.server.DaveDeliveryService;
import dev.hubcord.dave.server.Delivery;
import dev.hubcord.dave.server.ServerMessage;
import dev.hubcord.discordsim.json.Json;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One guild's voice channel as far as DAVE goes: the delivery service (the gateway's side of MLS), the bot's voice
 * session (reached over its WebSocket) and the simulated listeners (reached in-process). Every event is turned into
 * the delivery service's messages and pumped until quiet, in order, so the listeners' replies (op 23, 26, 28) are
 * handled exactly like the bot's. Also sends ops 11 and 13, which the delivery service leaves to the gateway.
 * Synchronized: events come from the WebSocket event loop and from test threads.
 */
final class DaveRoom {

    private static final Logger log = LoggerFactory.getLogger(DaveRoom.class);

    private record Pending(long userId, Object message, boolean toGateway) {}

    /** Runs a task once the transition timeout has passed (the voice server's scheduler). */
    interface TransitionTimer {
        void afterTimeout(Runnable task);
    }

    final long guildId;
    final long channelId;
    private final DaveDeliveryService gateway;
    private final Map<Long, SimulatedListener> listeners = new ConcurrentHashMap<>();
    /** Present and departed listeners: all of them are offered the bot's frames. */
    private final List<SimulatedListener> audience = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private volatile VoiceSession bot;
    private boolean listenersCommit = true;
    private boolean corruptNextWelcomeToBot;
    private final TransitionTimer transitionTimer;
    /** The transition the timer was last armed for, so each transition gets one timeout. */
    private int timedTransition = -1;

    DaveRoom(long guildId, long channelId, int protocolVersion, TransitionTimer transitionTimer) {
        this.guildId = guildId;
        this.channelId = channelId;
        this.transitionTimer = transitionTimer;
        this.gateway = new DaveDeliveryService(channelId);
        gateway.setProtocolVersion(protocolVersion); // nobody connected yet: no messages
    }

    synchronized int protocolVersion() {
        return gateway.protocolVersion();
    }

    synchronized long epoch() {
        return gateway.epoch();
    }

    /** The bot's session got Session Description: it learns who is here and gets the external sender. */
    synchronized void botConnected(VoiceSession session) {
        VoiceSession old = bot;
        if (old != null) {
            deliver(gateway.disconnect(old.userId));
            pump();
        }
        bot = session;
        if (!listeners.isEmpty()) {
            ObjectNode d = Json.obj();
            ArrayNode ids = d.putArray("user_ids");
            listeners.keySet().forEach(id -> ids.add(Long.toUnsignedString(id)));
            session.send(11, d);
        }
        listeners.values().forEach(l -> l.session().addUser(session.userId));
        deliver(gateway.connect(session.userId));
        pump();
    }

    synchronized SimulatedListener addListener(long userId) {
        SimulatedListener listener = new SimulatedListener(userId, channelId);
        VoiceSession b = bot;
        if (b != null) {
            ObjectNode d = Json.obj();
            d.putArray("user_ids").add(Long.toUnsignedString(userId));
            b.send(11, d);
            listener.session().addUser(b.userId);
        }
        for (SimulatedListener other : listeners.values()) {
            other.session().addUser(userId);
            listener.session().addUser(other.userId());
        }
        listeners.put(userId, listener);
        audience.add(listener);
        deliver(gateway.connect(userId));
        toGateway(userId, listener.session().onSelectProtocolAck(gateway.protocolVersion()));
        pump();
        return listener;
    }

    synchronized void removeListener(long userId) {
        SimulatedListener listener = listeners.remove(userId);
        if (listener == null) {
            return;
        }
        listener.disconnected();
        VoiceSession b = bot;
        if (b != null) {
            ObjectNode d = Json.obj();
            d.put("user_id", Long.toUnsignedString(userId));
            b.send(13, d);
        }
        listeners.values().forEach(l -> l.session().removeUser(userId));
        deliver(gateway.disconnect(userId));
        pump();
    }

    /** {@code false}: the listeners' commits (op 28) are dropped, as if they always lost the race to the bot's. */
    synchronized void listenersCommit(boolean commit) {
        listenersCommit = commit;
    }

    /** The next Welcome (op 30) for the bot gets two bytes flipped, so its MLS join fails and it must send op 31. */
    synchronized void corruptNextWelcomeToBot() {
        corruptNextWelcomeToBot = true;
    }

    synchronized void setProtocolVersion(int version) {
        deliver(gateway.setProtocolVersion(version));
        pump();
    }

    /** A binary frame from the bot: op 26 or 28. */
    synchronized void fromBot(VoiceSession session, int op, byte[] payload) {
        if (session != bot) {
            return;
        }
        if (op == 26) {
            deliver(gateway.onKeyPackage(session.userId, payload));
        } else if (op == 28) {
            deliver(gateway.onCommitWelcome(session.userId, payload));
        }
        pump();
    }

    /** Op 23 or 31 from the bot. */
    synchronized void fromBotJson(VoiceSession session, int op, int transitionId) {
        if (session != bot) {
            return;
        }
        deliver(op == 23 ? gateway.onReadyForTransition(session.userId, transitionId)
                : gateway.onInvalidCommitWelcome(session.userId, transitionId));
        pump();
    }

    /** A transport-decrypted frame of the bot, on the UDP thread. */
    void botFrame(byte[] frame) {
        VoiceSession b = bot;
        if (b != null) {
            for (SimulatedListener l : audience) {
                l.receive(b.userId, frame);
            }
        }
    }

    SimulatedListener listener(long userId) {
        return listeners.get(userId);
    }

    List<SimulatedListener> listeners() {
        return List.copyOf(listeners.values());
    }

    private void deliver(List<Delivery> deliveries) {
        deliveries.forEach(d -> queue.add(new Pending(d.userId(), d.message(), false)));
    }

    private void toGateway(long userId, List<DaveOutbound> messages) {
        messages.forEach(m -> queue.add(new Pending(userId, m, true)));
    }

    /** The transition timed out: op 22 goes out without the missing op 23s, as Discord's gateway does. */
    private synchronized void transitionTimedOut(int transitionId) {
        if (gateway.pendingTransitionId() != transitionId) {
            return; // executed in time
        }
        log.info("guild {}: transition {} timed out waiting for op 23; executing it", guildId, transitionId);
        deliver(gateway.executeTransitionNow());
        pump();
    }

    private void pump() {
        drain();
        int pending = gateway.pendingTransitionId();
        if (pending >= 0 && pending != timedTransition) {
            timedTransition = pending;
            transitionTimer.afterTimeout(() -> transitionTimedOut(pending));
        }
    }

    private void drain() {
        Pending p;
        while ((p = queue.poll()) != null) {
            try {
                if (p.toGateway()) {
                    deliver(fromListener(p.userId(), (DaveOutbound) p.message()));
                } else {
                    route(p.userId(), (ServerMessage) p.message());
                }
            } catch (DaveException e) {
                // a bad key package or commit at the gateway: Discord would close that client; log and go on
                log.warn("guild {}: DAVE message for/from {} refused: {}", guildId, p.userId(), e.getMessage());
            }
        }
    }

    private List<Delivery> fromListener(long user, DaveOutbound m) {
        return switch (m) {
            case DaveOutbound.KeyPackage k -> gateway.onKeyPackage(user, k.payload());
            case DaveOutbound.CommitWelcome c -> listenersCommit ? gateway.onCommitWelcome(user, c.payload()) : List.of();
            case DaveOutbound.ReadyForTransition r -> gateway.onReadyForTransition(user, r.transitionId());
            case DaveOutbound.InvalidCommitWelcome i -> gateway.onInvalidCommitWelcome(user, i.transitionId());
        };
    }

    private void route(long user, ServerMessage message) {
        VoiceSession b = bot;
        if (b != null && user == b.userId) {
            if (message instanceof ServerMessage.Welcome w && corruptNextWelcomeToBot) {
                corruptNextWelcomeToBot = false;
                byte[] garbage = w.welcome().clone();
                garbage[garbage.length / 2] ^= 0x55;
                garbage[garbage.length - 1] ^= 0x55;
                log.info("guild {}: corrupting the Welcome of transition {} to the bot", guildId, w.transitionId());
                message = new ServerMessage.Welcome(w.transitionId(), garbage);
            }
            switch (message) {
                case ServerMessage.Binary binary -> b.sendBinary(binary.opcode(), binary.payload());
                case ServerMessage.Json json -> b.send(json.opcode(), Json.parseOrNull(json.data()));
            }
            return;
        }
        SimulatedListener l = listeners.get(user);
        if (l == null) {
            return;
        }
        var dave = l.session();
        toGateway(user, switch (message) {
            case ServerMessage.Binary binary -> dave.onBinary(binary.opcode(), binary.payload());
            case ServerMessage.PrepareTransition t -> dave.onPrepareTransition(t.transitionId(), t.protocolVersion());
            case ServerMessage.ExecuteTransition t -> dave.onExecuteTransition(t.transitionId());
            case ServerMessage.PrepareEpoch e -> dave.onPrepareEpoch(e.epoch(), e.protocolVersion());
        });
    }
}
