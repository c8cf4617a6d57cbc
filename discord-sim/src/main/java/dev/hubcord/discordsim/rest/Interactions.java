package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interactions the simulator handed out (via INTERACTION_CREATE) and their response state: the 3-second first
 * acknowledgement, "already acknowledged", the 15-minute token and the original response message.
 */
public final class Interactions {

    /** Mutable response state of one interaction; guarded by its own monitor. */
    public static final class State {
        private final long id;
        private final String token;
        private final long guildId;
        private final long channelId;
        private final long userId;
        private final String commandName;
        private final long createdNanos = System.nanoTime();
        private boolean acknowledged;
        private ObjectNode original;

        State(long id, String token, long guildId, long channelId, long userId, String commandName) {
            this.id = id;
            this.token = token;
            this.guildId = guildId;
            this.channelId = channelId;
            this.userId = userId;
            this.commandName = commandName;
        }

        /** The user who ran the command (the response's {@code interaction_metadata.user}). */
        public long userId() {
            return userId;
        }

        public String commandName() {
            return commandName;
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

        /** Marks the interaction acknowledged; false if it already was. */
        synchronized boolean acknowledge() {
            if (acknowledged) {
                return false;
            }
            acknowledged = true;
            return true;
        }

        synchronized boolean acknowledged() {
            return acknowledged;
        }

        synchronized ObjectNode original() {
            return original;
        }

        synchronized void setOriginal(ObjectNode message) {
            this.original = message;
        }
    }

    private final Map<Long, State> byId = new ConcurrentHashMap<>();
    private final Map<String, State> byToken = new ConcurrentHashMap<>();

    /** Registers an interaction and returns its token, shaped like Discord's (base64url of an id-bearing string). */
    public State register(long id, long guildId, long channelId, long userId, String commandName, String secret) {
        String raw = "interaction:" + Long.toUnsignedString(id) + ":" + secret;
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        State s = new State(id, token, guildId, channelId, userId, commandName);
        byId.put(id, s);
        byToken.put(token, s);
        return s;
    }

    Optional<State> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<State> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }
}
