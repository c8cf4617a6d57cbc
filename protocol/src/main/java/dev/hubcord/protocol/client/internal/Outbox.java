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
 */
final class Outbox {

    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final List<Long> pendingAcks = new ArrayList<>();
    private Channel channel;
    private String session;

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Writes the payload now when a session is up and nothing is waiting, else queues it.
     *
     * @return {@code false} when the queue is full and the payload was refused
     */
    boolean offer(byte[] payload) {
        lock.lock();
        try {
            if (channel != null && queue.isEmpty()) {
                channel.writeAndFlush(payload, channel.voidPromise());
                return true;
            }
            if (queue.size() >= capacity) {
                return false;
            }
            queue.addLast(payload);
            return true;
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

    /**
     * The session is up on {@code ch}: writes the ACKs still owed to that session (dropping those of
     * any other), then the queued payloads in order, and sends directly from now on.
     */
    void open(Channel ch, String newSession) {
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
            ch.flush();
            channel = ch;
        } finally {
            lock.unlock();
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

    /** Drops everything queued (on close). */
    void clear() {
        lock.lock();
        try {
            channel = null;
            session = null;
            queue.clear();
            pendingAcks.clear();
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queue.size();
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
