package dev.hubcord.cache.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.CacheException.Kind;
import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Overwrite;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.VoiceState;
import java.util.ArrayList;
import java.util.List;

/** Tree readers for the entities other than members. {@code guildId} 0 means "take it from the payload". */
final class EntityParser {

    private EntityParser() {
    }

    static long guildOf(JsonNode obj, long guildId, String where) {
        if (guildId == 0) {
            return TreeValues.snowflake(obj, "guildID", where);
        }
        long sent = TreeValues.optSnowflake(obj, "guildID", where, guildId);
        if (sent != guildId) {
            throw new CacheException(Kind.INVALID_FIELD, where + ".guildID differs from the guild's id");
        }
        return guildId;
    }

    static Role role(JsonNode obj, long guildId, String where) {
        TreeValues.requireObject(obj, where);
        return new Role(TreeValues.snowflake(obj, "id", where), guildOf(obj, guildId, where),
                TreeValues.text(obj, "name", where), TreeValues.integer(obj, "color", where, 0),
                TreeValues.integer(obj, "position", where, 0), TreeValues.permissions(obj, "permissions", where),
                TreeValues.bool(obj, "hoist", where, false), TreeValues.bool(obj, "mentionable", where, false),
                TreeValues.bool(obj, "managed", where, false));
    }

    /**
     * A channel. Standalone, {@code type} is "channel" and Discord's type travels as
     * {@code channelType}; inside a guild's array {@code type} is Discord's type.
     */
    static Channel channel(JsonNode obj, long guildId, String where) {
        TreeValues.requireObject(obj, where);
        int type = TreeValues.present(obj, "channelType")
                ? TreeValues.integer(obj, "channelType", where, 0)
                : obj.path("type").isIntegralNumber() ? TreeValues.integer(obj, "type", where, 0) : 0;
        List<Overwrite> overwrites = new ArrayList<>();
        JsonNode arr = TreeValues.array(obj, "overwrites", where);
        if (arr == null) {
            arr = TreeValues.array(obj, "permissionOverwrites", where);
        }
        if (arr != null) {
            for (JsonNode o : arr) {
                overwrites.add(overwrite(o, where + ".overwrites[]"));
            }
        }
        return new Channel(TreeValues.snowflake(obj, "id", where), guildOf(obj, guildId, where), type,
                TreeValues.integer(obj, "position", where, 0), TreeValues.text(obj, "name", where),
                TreeValues.bool(obj, "nsfw", where, false), overwrites,
                TreeValues.integer(obj, "userLimit", where, 0),
                TreeValues.optSnowflake(obj, "parentID", where, 0));
    }

    private static Overwrite overwrite(JsonNode o, String where) {
        TreeValues.requireObject(o, where);
        JsonNode t = o.get("type");
        Overwrite.Type type;
        if (t != null && (t.isTextual() && t.textValue().equals("role") || t.isIntegralNumber() && t.intValue() == 0)) {
            type = Overwrite.Type.ROLE;
        } else if (t != null && (t.isTextual() && t.textValue().equals("member") || t.isIntegralNumber() && t.intValue() == 1)) {
            type = Overwrite.Type.MEMBER;
        } else {
            throw new CacheException(Kind.INVALID_FIELD, where + ".type: expected \"role\" or \"member\", got " + t);
        }
        return new Overwrite(TreeValues.snowflake(o, "id", where), type, TreeValues.permissions(o, "allow", where),
                TreeValues.permissions(o, "deny", where));
    }

    /** A voice state, or null when {@code channelID} is null (the user left). */
    static VoiceState voiceState(JsonNode obj, long guildId, String where) {
        TreeValues.requireObject(obj, where);
        long guild = guildOf(obj, guildId, where);
        long user = TreeValues.snowflake(obj, "userID", where);
        if (!TreeValues.present(obj, "channelID")) {
            return new VoiceState(guild, 0, user, false, false, false, false, false, false, null);
        }
        return new VoiceState(guild, TreeValues.snowflake(obj, "channelID", where), user,
                TreeValues.bool(obj, "deaf", where, false), TreeValues.bool(obj, "mute", where, false),
                TreeValues.bool(obj, "selfDeaf", where, false), TreeValues.bool(obj, "selfMute", where, false),
                TreeValues.bool(obj, "selfVideo", where, false), TreeValues.bool(obj, "suppress", where, false),
                TreeValues.text(obj, "sessionID", where));
    }

    static GuildDraft guild(JsonNode obj) {
        String where = "guild";
        Integer memberCount = obj.has("memberCount") && !obj.get("memberCount").isNull()
                ? TreeValues.integer(obj, "memberCount", where, 0) : null;
        Long owner = TreeValues.present(obj, "ownerID") ? TreeValues.snowflake(obj, "ownerID", where) : null;
        Boolean unavailable = TreeValues.present(obj, "unavailable") ? TreeValues.bool(obj, "unavailable", where, false) : null;
        if (memberCount != null && memberCount < 0) {
            throw new CacheException(Kind.INVALID_FIELD, "guild.memberCount is negative");
        }
        return new GuildDraft(TreeValues.snowflake(obj, "id", where), TreeValues.text(obj, "name", where),
                TreeValues.text(obj, "icon", where), obj.has("icon"), owner, TreeValues.text(obj, "region", where),
                memberCount, unavailable);
    }
}
