package dev.hubcord.dave;

import dev.hubcord.dave.server.DaveDeliveryService;
import dev.hubcord.dave.server.Delivery;
import dev.hubcord.dave.server.ServerMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * An in-memory voice channel for end-to-end tests: one {@link DaveDeliveryService} (the gateway) and one
 * {@link DaveSession} per user, joined by an ordered message queue. Binary server messages travel through the real
 * binary framing ({@code seq | op | payload}) and client messages through {@link DaveOutbound#frame()}, as they would
 * over a WebSocket. Tests can rewrite messages to a user (e.g. corrupt a Welcome) or hold messages to the gateway.
 */
final class VoiceRoom {

    /** A message on its way, to a client ({@code toGateway == false}) or to the gateway. */
    private record Pending(long userId, Object message, boolean toGateway) {
    }

    static final long CHANNEL = 1_234_567_890_123L;

    final TestClock clock = new TestClock();
    final DaveDeliveryService gateway = new DaveDeliveryService(CHANNEL);
    final Map<Long, DaveSession> sessions = new LinkedHashMap<>();
    /** Members implemented by something else (libdave through jdave in the interop test). */
    final Map<Long, ForeignMember> foreign = new LinkedHashMap<>();

    /** A member that is not a {@link DaveSession}; it reports its replies through {@link #toGateway}. */
    interface ForeignMember {
        void addUser(long userId);

        void removeUser(long userId);

        /** Op 4 with the negotiated version. */
        void start(int protocolVersion);

        void handle(ServerMessage message);
    }
    /** Every client message sent, as "user:op", for assertions. */
    final List<String> clientLog = new ArrayList<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final List<Pending> held = new ArrayList<>();
    private final Map<Long, Integer> sequence = new LinkedHashMap<>();
    private UnaryOperator<Delivery> rewrite = UnaryOperator.identity();
    private Predicate<DaveOutbound> hold = m -> false;

    /** A copy of the Welcome with two bytes flipped, so that joining through it fails. */
    static ServerMessage.Welcome corrupted(ServerMessage.Welcome w) {
        byte[] garbage = w.welcome().clone();
        garbage[garbage.length / 2] ^= 0x55;
        garbage[garbage.length - 1] ^= 0x55;
        return new ServerMessage.Welcome(w.transitionId(), garbage);
    }

    void rewriteDeliveries(UnaryOperator<Delivery> rewrite) {
        this.rewrite = rewrite;
    }

    void holdToGateway(Predicate<DaveOutbound> hold) {
        this.hold = hold;
    }

    void releaseHeld() {
        hold = m -> false;
        queue.addAll(held);
        held.clear();
        pump();
    }

    /** A user connects with DAVE: ops 11 both ways, the gateway's connect, then op 4 with the gateway's version. */
    DaveSession join(long userId) {
        DaveSession session = new DaveSession(userId, CHANNEL, clock);
        for (DaveSession other : sessions.values()) {
            other.addUser(userId);
            session.addUser(other.selfUserId());
        }
        for (Map.Entry<Long, ForeignMember> other : foreign.entrySet()) {
            other.getValue().addUser(userId);
            session.addUser(other.getKey());
        }
        sessions.put(userId, session);
        deliver(gateway.connect(userId));
        toGateway(userId, session.onSelectProtocolAck(gateway.protocolVersion()));
        pump();
        return session;
    }

    /** Like {@link #join} for a foreign member. */
    void joinForeign(long userId, ForeignMember member) {
        for (DaveSession other : sessions.values()) {
            other.addUser(userId);
            member.addUser(other.selfUserId());
        }
        for (Map.Entry<Long, ForeignMember> other : foreign.entrySet()) {
            other.getValue().addUser(userId);
            member.addUser(other.getKey());
        }
        foreign.put(userId, member);
        deliver(gateway.connect(userId));
        member.start(gateway.protocolVersion());
        pump();
    }

    /** A user disconnects: op 13 to the others, the gateway's disconnect. Returns the detached session. */
    DaveSession leave(long userId) {
        DaveSession session = sessions.remove(userId);
        foreign.remove(userId);
        for (DaveSession other : sessions.values()) {
            other.removeUser(userId);
        }
        for (ForeignMember other : foreign.values()) {
            other.removeUser(userId);
        }
        deliver(gateway.disconnect(userId));
        pump();
        return session;
    }

    void deliver(List<Delivery> deliveries) {
        for (Delivery d : deliveries) {
            queue.add(new Pending(d.userId(), d.message(), false));
        }
    }

    void toGateway(long userId, List<DaveOutbound> messages) {
        for (DaveOutbound m : messages) {
            queue.add(new Pending(userId, m, true));
        }
    }

    void pump() {
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p.toGateway()) {
                DaveOutbound m = (DaveOutbound) p.message();
                if (hold.test(m)) {
                    held.add(p);
                    continue;
                }
                clientLog.add(p.userId() + ":" + m.opcode());
                deliver(toGateway(p.userId(), m));
            } else {
                DaveSession session = sessions.get(p.userId());
                ForeignMember other = foreign.get(p.userId());
                if (other != null) {
                    other.handle(rewrite.apply(new Delivery(p.userId(), (ServerMessage) p.message())).message());
                } else if (session != null) {
                    Delivery d = rewrite.apply(new Delivery(p.userId(), (ServerMessage) p.message()));
                    toGateway(p.userId(), toClient(session, d.message()));
                }
            }
        }
    }

    private List<Delivery> toGateway(long user, DaveOutbound m) {
        return switch (m) {
            case DaveOutbound.Binary binary -> {
                byte[] frame = binary.frame();
                byte[] payload = java.util.Arrays.copyOfRange(frame, 1, frame.length);
                yield frame[0] == DaveProtocol.OP_MLS_KEY_PACKAGE ? gateway.onKeyPackage(user, payload)
                        : gateway.onCommitWelcome(user, payload);
            }
            case DaveOutbound.ReadyForTransition r -> gateway.onReadyForTransition(user, r.transitionId());
            case DaveOutbound.InvalidCommitWelcome i -> gateway.onInvalidCommitWelcome(user, i.transitionId());
        };
    }

    private List<DaveOutbound> toClient(DaveSession session, ServerMessage message) {
        return switch (message) {
            case ServerMessage.Binary binary -> {
                int seq = sequence.merge(session.selfUserId(), 1, Integer::sum);
                ServerBinaryFrame frame = ServerBinaryFrame.parse(
                        ServerBinaryFrame.encode(seq, binary.opcode(), binary.payload()));
                yield session.onBinary(frame.opcode(), frame.payload());
            }
            case ServerMessage.PrepareTransition t -> session.onPrepareTransition(t.transitionId(), t.protocolVersion());
            case ServerMessage.ExecuteTransition t -> session.onExecuteTransition(t.transitionId());
            case ServerMessage.PrepareEpoch e -> session.onPrepareEpoch(e.epoch(), e.protocolVersion());
        };
    }
}
