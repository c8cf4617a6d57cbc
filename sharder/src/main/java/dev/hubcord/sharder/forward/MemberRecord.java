package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * One guild member as the sharder remembers it for a resend: the cache's member fields, compactly
 * (role IDs as a sorted {@code long[]}, no JSON tree).
 */
record MemberRecord(long userId, String nick, long[] roles, String joinedAt, String avatar,
        String communicationDisabledUntil, Boolean pending, Boolean deaf, Boolean mute, UserRecord user) {

    /**
     * Discord's member object merged over {@code previous}: fields Discord sent replace, fields it left
     * out keep their value (GUILD_MEMBER_UPDATE may be partial).
     *
     * @param userId the member's user ID when the object has no {@code user}
     */
    static MemberRecord merge(MemberRecord previous, JsonNode m, long userId) {
        JsonNode u = m.get("user");
        long id = u != null && u.isObject() ? Snowflake.of(u.get("id")) : userId;
        MemberRecord p = previous != null ? previous
                : new MemberRecord(id, null, null, null, null, null, null, null, null, null);
        UserRecord user = u != null && u.isObject() ? UserRecord.of(u, p.user) : p.user;
        return new MemberRecord(id,
                m.has("nick") ? UserRecord.text(m, "nick") : p.nick,
                m.has("roles") ? roles(m.get("roles")) : p.roles,
                m.has("joined_at") ? timestamp(m, "joined_at") : p.joinedAt,
                m.has("avatar") ? UserRecord.text(m, "avatar") : p.avatar,
                m.has("communication_disabled_until") ? timestamp(m, "communication_disabled_until")
                        : p.communicationDisabledUntil,
                bool(m, "pending", p.pending), bool(m, "deaf", p.deaf), bool(m, "mute", p.mute), user);
    }

    /**
     * An ISO 8601 timestamp field, or {@code null} when absent or unreadable: the hub's cache refuses a payload
     * holding a bad one, so one garbled member would cost its whole batch and the hub link (found by fuzzing).
     */
    static String timestamp(JsonNode m, String field) {
        String text = UserRecord.text(m, field);
        if (text == null) {
            return null;
        }
        try {
            // the hub keeps epoch microseconds: the instant must fit them as well as parse
            ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(text).toInstant());
            return text;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    MemberRecord withoutRole(long roleId) {
        if (roles == null || Arrays.binarySearch(roles, roleId) < 0) {
            return this;
        }
        return new MemberRecord(userId, nick, Arrays.stream(roles).filter(r -> r != roleId).toArray(), joinedAt,
                avatar, communicationDisabledUntil, pending, deaf, mute, user);
    }

    /** The cache's member shape; {@code type:"member"} only when sent on its own. */
    ObjectNode toEntity(long guildId, boolean standalone) {
        ObjectNode n = Json.mapper().createObjectNode();
        if (standalone) {
            n.put("type", "member");
        }
        n.put("id", Snowflake.text(userId));
        n.put("guildID", Snowflake.text(guildId));
        n.put("nickname", nick);
        if (roles != null) {
            ArrayNode r = n.putArray("roles");
            for (long role : roles) {
                r.add(Snowflake.text(role));
            }
        }
        if (joinedAt != null) {
            n.put("joinedAt", joinedAt);
        }
        n.put("avatar", avatar);
        n.put("communicationDisabledUntil", communicationDisabledUntil);
        if (pending != null) {
            n.put("pending", pending);
        }
        if (deaf != null) {
            n.put("deaf", deaf);
        }
        if (mute != null) {
            n.put("mute", mute);
        }
        if (user != null) {
            n.set("user", user.toEntity(false));
        }
        return n;
    }

    private static long[] roles(JsonNode arr) {
        if (arr == null || !arr.isArray()) {
            return new long[0];
        }
        long[] ids = new long[arr.size()];
        int n = 0;
        for (JsonNode r : arr) {
            long id = Snowflake.of(r);
            if (id != 0) {
                ids[n++] = id;
            }
        }
        long[] sorted = Arrays.copyOf(ids, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static Boolean bool(JsonNode m, String field, Boolean previous) {
        JsonNode v = m.get(field);
        return v == null ? previous : v.isBoolean() ? v.booleanValue() : null;
    }
}
