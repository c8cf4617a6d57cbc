package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.json.Envelope;
import dev.hubcord.discordsim.population.Snowflakes;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A gateway session: what IDENTIFY created and RESUME continues. It owns the sequence numbers ({@code s} belongs to
 * the session, not the connection) and a replay buffer; it outlives its connection until it is invalidated or its
 * resume timeout expires. Dispatches arriving while it is detached are buffered and replayed on RESUME.
 */
public final class Session {

    /** One buffered dispatch. */
    private record Sent(int seq, String json) {}

    /** Result of a RESUME attempt. */
    enum ResumeResult { RESUMED, INVALID_SESSION, BAD_SEQ }

    private final String id;
    private final int shardId;
    private final int numShards;
    private final long intents;
    private final int largeThreshold;
    private final int replayCapacity;
    private final ArrayDeque<Sent> replay = new ArrayDeque<>();
    private int seq;
    private GatewayConnection connection;
    private long detachedAtNanos = -1;
    private boolean invalidated;

    Session(String id, int shardId, int numShards, long intents, int largeThreshold, int replayCapacity) {
        this.id = id;
        this.shardId = shardId;
        this.numShards = numShards;
        this.intents = intents;
        this.largeThreshold = largeThreshold;
        this.replayCapacity = replayCapacity;
    }

    public String id() {
        return id;
    }

    public int shardId() {
        return shardId;
    }

    public int numShards() {
        return numShards;
    }

    public long intents() {
        return intents;
    }

    public int largeThreshold() {
        return largeThreshold;
    }

    public boolean has(long intent) {
        return (intents & intent) != 0;
    }

    /** Whether {@code (guild_id >> 22) % num_shards} routes this guild to this session. */
    public boolean routes(long guildId) {
        return Snowflakes.shardFor(guildId, numShards) == shardId;
    }

    /** The last sequence number assigned. */
    public synchronized int seq() {
        return seq;
    }

    public synchronized boolean invalidated() {
        return invalidated;
    }

    synchronized GatewayConnection connection() {
        return connection;
    }

    /** Assigns the next {@code s}, buffers the dispatch for replay, and sends it if a connection is attached. */
    public synchronized int dispatch(String type, JsonNode data) {
        if (invalidated) {
            return -1;
        }
        seq++;
        String json = Envelope.dispatch(type, seq, data);
        replay.addLast(new Sent(seq, json));
        while (replay.size() > replayCapacity) {
            replay.removeFirst();
        }
        if (connection != null) {
            connection.send(json);
        }
        return seq;
    }

    synchronized void attach(GatewayConnection c) {
        if (connection != null && connection != c) {
            connection.drop(); // a RESUME elsewhere takes the session over; the zombie connection goes away
        }
        connection = c;
        detachedAtNanos = -1;
    }

    /** Detaches {@code c} if it is the current connection; the session then starts its resume timeout. */
    synchronized void detach(GatewayConnection c, boolean invalidate) {
        if (connection != null && connection != c) {
            return; // a newer connection resumed this session; the old one no longer speaks for it
        }
        if (connection == c) {
            connection = null;
            detachedAtNanos = System.nanoTime();
        }
        if (invalidate) {
            invalidated = true;
        }
    }

    synchronized void invalidate() {
        invalidated = true;
        connection = null;
    }

    /** Whether the session is dead: invalidated, or detached for longer than the resume timeout. */
    synchronized boolean expired(long nowNanos, long resumeTimeoutNanos) {
        return invalidated || (connection == null && detachedAtNanos >= 0
                && nowNanos - detachedAtNanos > resumeTimeoutNanos);
    }

    /**
     * RESUME: checks {@code clientSeq}, attaches {@code c} and replays every buffered dispatch with {@code s > seq}
     * with its original {@code s}, then RESUMED (with the next {@code s}, or none when so configured).
     */
    synchronized ResumeResult resume(GatewayConnection c, int clientSeq, long nowNanos, long resumeTimeoutNanos,
            boolean resumedHasSeq, JsonNode resumedData) {
        if (expired(nowNanos, resumeTimeoutNanos)) {
            return ResumeResult.INVALID_SESSION;
        }
        int oldest = replay.isEmpty() ? seq + 1 : replay.peekFirst().seq();
        if (clientSeq > seq || clientSeq < oldest - 1) {
            return ResumeResult.BAD_SEQ;
        }
        attach(c);
        List<Sent> missed = replay.stream().filter(s -> s.seq() > clientSeq).toList();
        missed.forEach(s -> c.send(s.json()));
        // RESUMED goes out under the same lock, so no live dispatch can slip in between replay and RESUMED.
        if (resumedHasSeq) {
            dispatch("RESUMED", resumedData);
        } else {
            c.send(Envelope.dispatchWithoutSeq("RESUMED", resumedData));
        }
        return ResumeResult.RESUMED;
    }
}
