package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Interactions the simulator handed out (via INTERACTION_CREATE) and their response state: the 3-second first
 * acknowledgement, "already acknowledged", the 15-minute token, the original response message and what the bot
 * answered (callback type, autocomplete choices, modal).
 *
 * <p>Bounded: an interaction whose token has expired ({@code interactionTokenTtlMs}, 15 min) can never be answered
 * again, so it is forgotten when the next one is registered; and at most {@link #MAX_INTERACTIONS} are kept, the
 * oldest forgotten first (its token then answers 10062 / 10015 as an expired one would).
 */
public final class Interactions {

    /** The most interactions remembered at once; the oldest goes first. */
    public static final int MAX_INTERACTIONS = 10_000;

    /**
     * What kind of interaction it is and what it acts on: Discord's interaction {@code type} (2 command, 3 component,
     * 4 autocomplete, 5 modal submit), the command type (1-3, for 2 and 4; else 0), the command name or custom ID,
     * and for components (and modals opened from one) the message the component is on (0 for none).
     */
    public record Kind(int type, int commandType, String name, long messageId) {

        public static Kind command(int commandType, String name) {
            return new Kind(2, commandType, name, 0);
        }
    }

    /** Mutable response state of one interaction; guarded by its own monitor. */
    public static final class State {
        private final long id;
        private final String token;
        private final long guildId;
        private final long channelId;
        private final long userId;
        private final Kind kind;
        private final long createdNanos = System.nanoTime();
        private boolean acknowledged;
        private int callbackType;
        private ObjectNode original;
        private JsonNode choices;
        private ObjectNode modal;
        private boolean modalOpen;

        State(long id, String token, long guildId, long channelId, long userId, Kind kind) {
            this.id = id;
            this.token = token;
            this.guildId = guildId;
            this.channelId = channelId;
            this.userId = userId;
            this.kind = kind;
        }

        /** The user who ran the command (the response's {@code interaction_metadata.user}). */
        public long userId() {
            return userId;
        }

        /** The command name, or the component's / modal's custom ID. */
        public String commandName() {
            return kind.name();
        }

        public Kind kind() {
            return kind;
        }

        public long id() {
            return id;
        }

        public String token() {
            return token;
        }

        public long guildId() {
            return guildId;
        }

        public long channelId() {
            return channelId;
        }

        long ageMillis() {
            return (System.nanoTime() - createdNanos) / 1_000_000L;
        }

        /** Marks the interaction acknowledged with a callback type; false if it already was. */
        synchronized boolean acknowledge(int type) {
            if (acknowledged) {
                return false;
            }
            acknowledged = true;
            callbackType = type;
            return true;
        }

        synchronized boolean acknowledged() {
            return acknowledged;
        }

        /** The type of the callback that acknowledged it; 0 before that. */
        public synchronized int callbackType() {
            return callbackType;
        }

        synchronized ObjectNode original() {
            return original;
        }

        synchronized void setOriginal(ObjectNode message) {
            this.original = message;
        }

        /** The choices of the autocomplete result (callback 8), a copy; null if none was given. */
        public synchronized JsonNode choices() {
            return choices == null ? null : choices.deepCopy();
        }

        synchronized void setChoices(JsonNode value) {
            this.choices = value.deepCopy();
        }

        /** The modal the bot showed (callback 9's {@code data}), a copy; null if none. */
        public synchronized ObjectNode modal() {
            return modal == null ? null : modal.deepCopy();
        }

        synchronized void setModal(ObjectNode value) {
            this.modal = value.deepCopy();
            this.modalOpen = true;
        }

        /** Whether the modal is still shown (not submitted yet). */
        public synchronized boolean modalOpen() {
            return modalOpen;
        }

        /** The response message as it is now (a copy), or null. */
        public synchronized ObjectNode response() {
            return original == null ? null : original.deepCopy();
        }
    }

    private final LongSupplier ttlMs;
    private final LinkedHashMap<Long, State> byId = new LinkedHashMap<>();
    private final Map<String, State> byToken = new HashMap<>();

    /** {@code ttlMs}: the token lifetime (the live config's); interactions older than it are forgotten. */
    public Interactions(LongSupplier ttlMs) {
        this.ttlMs = ttlMs;
    }

    /** Registers a chat-input command interaction (type 2, command type 1). */
    public State register(long id, long guildId, long channelId, long userId, String commandName, String secret) {
        return register(id, guildId, channelId, userId, Kind.command(1, commandName), secret);
    }

    /** Registers an interaction and returns its state; the token is shaped like Discord's (base64url). */
    public synchronized State register(long id, long guildId, long channelId, long userId, Kind kind,
            String secret) {
        String raw = "interaction:" + Long.toUnsignedString(id) + ":" + secret;
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        evict();
        State s = new State(id, token, guildId, channelId, userId, kind);
        byId.put(id, s);
        byToken.put(token, s);
        return s;
    }

    /** Forgets expired interactions (oldest first, in creation order), then the oldest beyond the bound. */
    private void evict() {
        long ttl = ttlMs.getAsLong();
        Iterator<State> it = byId.values().iterator();
        while (it.hasNext()) {
            State s = it.next();
            if (s.ageMillis() <= ttl && byId.size() < MAX_INTERACTIONS) {
                break;
            }
            it.remove();
            byToken.remove(s.token());
        }
    }

    /** An interaction by id, unless forgotten. */
    public synchronized Optional<State> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized Optional<State> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    /** How many interactions are remembered now. */
    public synchronized int size() {
        return byId.size();
    }

    /**
     * The latest interaction (newest first) whose bot answer was a modal with this {@code custom_id} and that was not
     * submitted yet; {@code userId} 0 = any user.
     */
    public synchronized Optional<State> withModal(String customId, long userId) {
        for (State s : byId.sequencedValues().reversed()) {
            ObjectNode m = s.modal();
            boolean mine = userId == 0 || s.userId == userId;
            if (m != null && s.modalOpen() && mine && m.path("custom_id").asText().equals(customId)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Marks a modal as submitted: a modal is submitted once, as a user's dialog closes on submit. False when it
     * was already closed (a concurrent submit won).
     */
    public boolean modalSubmitted(State s) {
        synchronized (s) {
            boolean wasOpen = s.modalOpen;
            s.modalOpen = false;
            return wasOpen;
        }
    }
}
