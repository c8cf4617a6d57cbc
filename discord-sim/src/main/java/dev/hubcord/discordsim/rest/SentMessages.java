package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every message the simulator created (user messages from the control API, bot messages, interaction responses and
 * follow-ups) with what later happened to it (edits, deletion), so that tests can count replies and check who could
 * see what. Bounded: past {@link #MAX_MESSAGES} the oldest record is dropped ({@link #dropped()} counts them), which
 * a test of 100,000 messages must keep in mind. Messages are also indexed by channel (the ids in creation order),
 * so that a channel's history costs its own messages, not the whole record.
 */
public final class SentMessages {

    /** The most messages kept; the oldest goes first. */
    public static final int MAX_MESSAGES = 100_000;
    /** Earlier contents kept per message; a message edited more often keeps its latest ones. */
    private static final int MAX_HISTORY = 16;

    private final Map<Long, Entry> byId = new LinkedHashMap<>();
    private final Map<Long, ArrayDeque<Long>> byChannel = new HashMap<>();
    private long dropped;

    /** Mutable state of one record; guarded by the enclosing {@link SentMessages}. */
    private static final class Entry {
        private final SentMessage.Kind kind;
        private final long interactionId;
        private final long at = System.currentTimeMillis();
        private final List<String> history = new ArrayList<>();
        private ObjectNode message;
        private boolean deleted;

        Entry(SentMessage.Kind kind, long interactionId, ObjectNode message) {
            this.kind = kind;
            this.interactionId = interactionId;
            this.message = message;
        }

        SentMessage snapshot() {
            ObjectNode m = message;
            long replyTo = parse(m.path("message_reference").path("message_id").asText(""));
            String nonce = m.hasNonNull("nonce") ? m.path("nonce").asText() : null;
            return new SentMessage(parse(m.path("id").asText()), parse(m.path("channel_id").asText()),
                    parse(m.path("guild_id").asText("")), parse(m.path("author").path("id").asText()), kind,
                    interactionId, replyTo, nonce, m.path("content").asText(""), m.path("flags").asInt(0), deleted,
                    List.copyOf(history), at, m.path("components").deepCopy(), m.path("attachments").deepCopy());
        }

        private static long parse(String id) {
            try {
                return id.isEmpty() ? 0 : Long.parseUnsignedLong(id);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** Records a newly created message. */
    public synchronized void created(SentMessage.Kind kind, long interactionId, ObjectNode message) {
        if (byId.size() >= MAX_MESSAGES) {
            var eldest = byId.entrySet().iterator();
            Entry gone = eldest.next().getValue();
            eldest.remove();
            // the oldest message overall is the oldest of its channel
            long channel = channelOf(gone.message);
            ArrayDeque<Long> ids = byChannel.get(channel);
            ids.removeFirst();
            if (ids.isEmpty()) {
                byChannel.remove(channel);
            }
            dropped++;
        }
        long id = Long.parseUnsignedLong(message.path("id").asText());
        byId.put(id, new Entry(kind, interactionId, message));
        byChannel.computeIfAbsent(channelOf(message), c -> new ArrayDeque<>()).addLast(id);
    }

    /** Records an edit: the new version replaces the message, the old content joins its history. */
    public synchronized void edited(ObjectNode message) {
        Entry e = byId.get(Long.parseUnsignedLong(message.path("id").asText()));
        if (e != null) {
            if (e.history.size() >= MAX_HISTORY) {
                e.history.removeFirst();
            }
            e.history.add(e.message.path("content").asText(""));
            e.message = message;
        }
    }

    public synchronized void deleted(long messageId) {
        Entry e = byId.get(messageId);
        if (e != null) {
            e.deleted = true;
        }
    }

    /** A follow-up of {@code interactionId} as it is now (a copy), unless unknown, another's, dropped or deleted. */
    public synchronized Optional<ObjectNode> followUp(long id, long interactionId) {
        Entry e = byId.get(id);
        return e == null || e.deleted || e.kind != SentMessage.Kind.FOLLOW_UP || e.interactionId != interactionId
                ? Optional.empty() : Optional.of(e.message.deepCopy());
    }

    /** A message as it is now (a copy), unless unknown, dropped or deleted. */
    public synchronized Optional<ObjectNode> message(long id) {
        Entry e = byId.get(id);
        return e == null || e.deleted ? Optional.empty() : Optional.of(e.message.deepCopy());
    }

    /** The live, non-ephemeral messages of a channel (copies), newest first; O(messages of that channel). */
    public synchronized List<ObjectNode> inChannel(long channelId) {
        List<ObjectNode> list = new ArrayList<>();
        for (long id : byChannel.getOrDefault(channelId, new ArrayDeque<>()).reversed()) {
            Entry e = byId.get(id);
            boolean ephemeral = (e.message.path("flags").asInt() & 64) != 0; // only its invoker ever saw it
            if (!e.deleted && !ephemeral) {
                list.add(e.message.deepCopy());
            }
        }
        return list;
    }

    private static long channelOf(ObjectNode message) {
        return Long.parseUnsignedLong(message.path("channel_id").asText());
    }

    /** Every recorded message, oldest first. */
    public synchronized List<SentMessage> all() {
        List<SentMessage> list = new ArrayList<>(byId.size());
        byId.values().forEach(e -> list.add(e.snapshot()));
        return list;
    }

    /** Records dropped to keep the bound. */
    public synchronized long dropped() {
        return dropped;
    }

    public synchronized void clear() {
        byId.clear();
        byChannel.clear();
        dropped = 0;
    }
}
