package dev.hubcord.protocol.client.internal;

import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the application sends, in order: straight to the channel while a session is up, otherwise
 * into a bounded queue that is flushed when the next IDENTIFIED or RESUMED arrives. ACKs are kept
 * apart: they belong to one session, go out after a RESUMED of that session, and are dropped when a
 * new session starts (the hub redelivers the events elsewhere). Thread-safe; the lock makes the
 * order in which callers enter it the order on the wire.
 *
 * <p>With publisher acknowledgements on, the queue is a {@link PublishBuffer} instead: every payload
 * is numbered and held, written or not, until the hub confirms it (op 8, or {@code published} in
 * IDENTIFIED/RESUMED); a new session gets everything still held, in order. When the hub's IDENTIFIED
 * or RESUMED lacks {@code published} (a hub without the feature), that session confirms each payload
 * as it is written, which is the behaviour without acknowledgements.
 *
 * <p>While the session is up but its channel is not writable (the hub reads slower than the application sends, or
 * has stopped reading: its backpressure), payloads go to the same bounded queue instead of the channel's unbounded
 * buffer, and {@link #writable} writes them once the channel drains; a full queue refuses, as while disconnected.
 */
final class Outbox {

    /** {@link #open}'s {@code published} when the hub does not confirm what it takes. */
    static final long NOT_CONFIRMING = -1;

    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final long capacityBytes;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final PublishBuffer published;
    private final List<Long> pendingAcks = new ArrayList<>();
    private long queuedBytes;
    private Channel channel;
    private String session;
    private boolean confirming;

    Outbox(int capacity) {
        this(capacity, Long.MAX_VALUE, false);
    }

    Outbox(int capacity, long capacityBytes, boolean publishAcks) {
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
        this.published = publishAcks ? new PublishBuffer(capacity, capacityBytes) : null;
    }

    /**
     * Writes the payload now when a session is up and nothing is waiting, else queues it; with
     * publisher acknowledgements, numbers it and holds it until the hub confirms it.
     *
     * @return {@code false} when the buffer is full and the payload was refused
     */
    boolean offer(byte[] payload) {
        lock.lock();
        try {
            if (published != null) {
                return publish(payload);
            }
            if (channel != null && queue.isEmpty() && channel.isWritable()) {
                channel.writeAndFlush(payload, channel.voidPromise());
                return true;
            }
            if (queue.size() >= capacity || !queue.isEmpty() && queuedBytes + payload.length > capacityBytes) {
                return false;
            }
            queue.addLast(payload);
            queuedBytes += payload.length;
            if (channel != null) {
                writeQueued(channel);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private boolean publish(byte[] payload) {
        if (!published.fits(payload.length)) {
            return false;
        }
        byte[] numbered = published.add(payload);
        if (channel != null) {
            channel.writeAndFlush(numbered, channel.voidPromise());
            if (!confirming) {
                published.confirm(published.lastPs());
            }
        }
        return true;
    }

    /** op 8 (or {@code published} of RESUMED): the hub has taken every payload numbered up to {@code ps}. */
    void confirm(long ps) {
        lock.lock();
        try {
            if (published != null) {
                published.confirm(ps);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Sends op 7 for {@code seq} of {@code ackSession}, now or after the session resumes; drops stale ones. */
    void ack(String ackSession, long seq) {
        lock.lock();
        try {
            if (ackSession == null || !ackSession.equals(session)) {
                return;
            }
            if (channel != null) {
                channel.writeAndFlush(ackPayload(seq), channel.voidPromise());
            } else {
                pendingAcks.add(seq);
            }
        } finally {
            lock.unlock();
        }
    }

    void open(Channel ch, String newSession) {
        open(ch, newSession, NOT_CONFIRMING);
    }

    /**
     * The session is up on {@code ch}: writes the ACKs still owed to that session (dropping those of
     * any other), then the queued payloads in order, and sends directly from now on. With publisher
     * acknowledgements, {@code confirmed} is the hub's {@code published} (the last number it took for
     * this session; 0 for a new one) or {@link #NOT_CONFIRMING}: what is held after it is written again.
     */
    void open(Channel ch, String newSession, long confirmed) {
        lock.lock();
        try {
            if (!newSession.equals(session)) {
                pendingAcks.clear();
                session = newSession;
            }
            for (long seq : pendingAcks) {
                ch.write(ackPayload(seq), ch.voidPromise());
            }
            pendingAcks.clear();
            byte[] next;
            while ((next = queue.pollFirst()) != null) {
                ch.write(next, ch.voidPromise());
            }
            queuedBytes = 0;
            if (published != null) {
                confirming = confirmed != NOT_CONFIRMING;
                published.confirm(confirmed);
                for (byte[] held : published.held()) {
                    ch.write(held, ch.voidPromise());
                }
                if (!confirming) {
                    published.clear();
                }
            }
            ch.flush();
            channel = ch;
        } finally {
            lock.unlock();
        }
    }

    /** The channel became writable again: writes what was queued meanwhile, as far as it stays writable. */
    void writable(Channel ch) {
        lock.lock();
        try {
            if (ch == channel) {
                writeQueued(ch);
            }
        } finally {
            lock.unlock();
        }
    }

    private void writeQueued(Channel ch) {
        boolean wrote = false;
        byte[] next;
        while (ch.isWritable() && (next = queue.pollFirst()) != null) {
            queuedBytes -= next.length;
            ch.write(next, ch.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ch.flush();
        }
    }

    /** The connection is gone: queue from now on. The session's ACKs are kept for a resume. */
    void detach() {
        lock.lock();
        try {
            channel = null;
        } finally {
            lock.unlock();
        }
    }

    /** The session ended (4009, or its resume window passed): ACKs owed to it are dropped. */
    void discardSession() {
        lock.lock();
        try {
            session = null;
            pendingAcks.clear();
        } finally {
            lock.unlock();
        }
    }

    /** Drops everything queued or held (on close); returns how many payloads were dropped. */
    int clear() {
        lock.lock();
        try {
            channel = null;
            session = null;
            int dropped = queue.size() + (published == null ? 0 : published.clear());
            queue.clear();
            queuedBytes = 0;
            pendingAcks.clear();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Payloads waiting for a session to be up. */
    int queued() {
        lock.lock();
        try {
            return queue.size() + (published != null && channel == null ? published.size() : 0);
        } finally {
            lock.unlock();
        }
    }

    /** Payloads held for the hub: queued, plus (publisher acknowledgements) sent and not yet confirmed. */
    int held() {
        lock.lock();
        try {
            return queue.size() + (published == null ? 0 : published.size());
        } finally {
            lock.unlock();
        }
    }

    /** The bytes of {@link #held()}. */
    long heldBytes() {
        lock.lock();
        try {
            return queuedBytes + (published == null ? 0 : published.bytes());
        } finally {
            lock.unlock();
        }
    }

    int pendingAcks() {
        lock.lock();
        try {
            return pendingAcks.size();
        } finally {
            lock.unlock();
        }
    }

    static byte[] ackPayload(long seq) {
        return ("{\"op\":7,\"d\":{\"s\":" + seq + "}}").getBytes(StandardCharsets.US_ASCII);
    }
}
