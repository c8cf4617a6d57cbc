package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reacted with what to which message. Bounded: at most {@link #MAX_MESSAGES} messages keep reactions; past that
 * the message whose reactions were first recorded loses them (a test rarely reacts to that many).
 */
final class Reactions {

    static final int MAX_MESSAGES = 10_000;

    /** Message id → unicode emoji → users in reaction order. */
    private final Map<Long, Map<String, Set<Long>>> byMessage = new LinkedHashMap<>();

    /** Adds a reaction; false if this user already had it. */
    synchronized boolean add(long messageId, String emoji, long userId) {
        if (!byMessage.containsKey(messageId) && byMessage.size() >= MAX_MESSAGES) {
            var eldest = byMessage.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return byMessage.computeIfAbsent(messageId, k -> new LinkedHashMap<>())
                .computeIfAbsent(emoji, k -> new LinkedHashSet<>()).add(userId);
    }

    /** Removes a reaction; false if the user had none. */
    synchronized boolean remove(long messageId, String emoji, long userId) {
        Map<String, Set<Long>> emojis = byMessage.get(messageId);
        Set<Long> users = emojis == null ? null : emojis.get(emoji);
        if (users == null || !users.remove(userId)) {
            return false;
        }
        if (users.isEmpty()) {
            emojis.remove(emoji);
        }
        return true;
    }

    /** Whether anyone reacted with this emoji (adding a new emoji needs ADD_REACTIONS; joining one does not). */
    synchronized boolean exists(long messageId, String emoji) {
        return byMessage.getOrDefault(messageId, Map.of()).containsKey(emoji);
    }

    synchronized List<Long> users(long messageId, String emoji) {
        return new ArrayList<>(byMessage.getOrDefault(messageId, Map.of()).getOrDefault(emoji, Set.of()));
    }

    synchronized void forget(long messageId) {
        byMessage.remove(messageId);
    }

    /** {@code message} with Discord's {@code reactions} array when it has any ({@code me} from the bot's view). */
    synchronized ObjectNode decorate(ObjectNode message, long botId) {
        Map<String, Set<Long>> emojis = byMessage.get(Long.parseUnsignedLong(message.path("id").asText()));
        if (emojis == null || emojis.isEmpty()) {
            return message;
        }
        ArrayNode list = message.putArray("reactions");
        emojis.forEach((emoji, users) -> {
            ObjectNode r = list.addObject();
            r.put("count", users.size());
            r.putObject("count_details").put("burst", 0).put("normal", users.size());
            r.put("me", users.contains(botId));
            r.put("me_burst", false);
            r.set("emoji", emojiObject(emoji));
            r.putArray("burst_colors");
        });
        return message;
    }

    /** {@code {"id": null, "name": "👍"}}: only unicode emoji exist in the sim (its guilds have no custom ones). */
    static ObjectNode emojiObject(String emoji) {
        ObjectNode e = Json.obj();
        e.putNull("id");
        e.put("name", emoji);
        return e;
    }
}
