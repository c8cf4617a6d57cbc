package dev.hubcord.cache.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Guild;
import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.Overwrite;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.Timestamps;
import dev.hubcord.cache.model.User;
import dev.hubcord.cache.model.VoiceState;
import java.io.IOException;
import java.util.List;

/** Streams entities as JSON objects. Stateless and thread-safe. */
public final class CacheJsonWriter {

    private CacheJsonWriter() {
    }

    public static void guild(JsonGenerator g, Guild guild) throws IOException {
        g.writeStartObject();
        id(g, "id", guild.id());
        g.writeStringField("name", guild.name());
        g.writeStringField("icon", guild.icon());
        id(g, "ownerID", guild.ownerId());
        g.writeStringField("region", guild.region());
        g.writeNumberField("memberCount", guild.memberCount());
        if (guild.unavailable()) {
            g.writeBooleanField("unavailable", true);
        }
        g.writeNumberField("cachedMemberCount", guild.cachedMembers());
        g.writeNumberField("channelCount", guild.channelCount());
        g.writeNumberField("roleCount", guild.roleCount());
        g.writeNumberField("voiceStateCount", guild.voiceStateCount());
        g.writeEndObject();
    }

    public static void channel(JsonGenerator g, Channel c) throws IOException {
        g.writeStartObject();
        id(g, "id", c.id());
        id(g, "guildID", c.guildId());
        g.writeNumberField("type", c.type());
        g.writeNumberField("position", c.position());
        g.writeStringField("name", c.name());
        g.writeBooleanField("nsfw", c.nsfw());
        g.writeArrayFieldStart("overwrites");
        for (Overwrite o : c.overwrites()) {
            g.writeStartObject();
            id(g, "id", o.id());
            g.writeStringField("type", o.type() == Overwrite.Type.ROLE ? "role" : "member");
            id(g, "allow", o.allow());
            id(g, "deny", o.deny());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (c.isVoice() || c.userLimit() != 0) {
            g.writeNumberField("userLimit", c.userLimit());
        }
        optionalId(g, "parentID", c.parentId());
        g.writeEndObject();
    }

    public static void role(JsonGenerator g, Role r) throws IOException {
        g.writeStartObject();
        id(g, "id", r.id());
        id(g, "guildID", r.guildId());
        g.writeStringField("name", r.name());
        g.writeNumberField("color", r.color());
        g.writeNumberField("position", r.position());
        id(g, "permissions", r.permissions());
        g.writeBooleanField("hoist", r.hoist());
        g.writeBooleanField("mentionable", r.mentionable());
        g.writeBooleanField("managed", r.managed());
        g.writeEndObject();
    }

    public static void user(JsonGenerator g, User u) throws IOException {
        g.writeStartObject();
        id(g, "id", u.id());
        g.writeStringField("username", u.username());
        g.writeStringField("discriminator", u.discriminator());
        g.writeStringField("globalName", u.globalName());
        g.writeStringField("avatar", u.avatar());
        g.writeBooleanField("bot", u.bot());
        g.writeEndObject();
    }

    public static void member(JsonGenerator g, Member m) throws IOException {
        g.writeStartObject();
        id(g, "id", m.userId());
        id(g, "guildID", m.guildId());
        g.writeStringField("nickname", m.nickname());
        g.writeArrayFieldStart("roles");
        for (long r : m.roles()) {
            g.writeString(Long.toUnsignedString(r));
        }
        g.writeEndArray();
        timestamp(g, "joinedAt", m.joinedAt());
        g.writeStringField("avatar", m.avatar());
        timestamp(g, "communicationDisabledUntil", m.communicationDisabledUntil());
        g.writeBooleanField("pending", m.pending());
        g.writeBooleanField("deaf", m.deaf());
        g.writeBooleanField("mute", m.mute());
        g.writeFieldName("user");
        user(g, m.user());
        g.writeEndObject();
    }

    public static void voiceState(JsonGenerator g, VoiceState v) throws IOException {
        g.writeStartObject();
        id(g, "guildID", v.guildId());
        id(g, "channelID", v.channelId());
        id(g, "userID", v.userId());
        g.writeBooleanField("deaf", v.deaf());
        g.writeBooleanField("mute", v.mute());
        g.writeBooleanField("selfDeaf", v.selfDeaf());
        g.writeBooleanField("selfMute", v.selfMute());
        g.writeBooleanField("selfVideo", v.selfVideo());
        g.writeBooleanField("suppress", v.suppress());
        g.writeStringField("sessionID", v.sessionId());
        g.writeEndObject();
    }

    /** {@code {"permissions": "<decimal>"}}. */
    public static void permissions(JsonGenerator g, long permissions) throws IOException {
        g.writeStartObject();
        id(g, "permissions", permissions);
        g.writeEndObject();
    }

    /** {@code {"users": <count>}}. */
    public static void userCount(JsonGenerator g, long count) throws IOException {
        g.writeStartObject();
        g.writeNumberField("users", count);
        g.writeEndObject();
    }

    /** A JSON array of entities written by {@code each}. */
    public static <T> void array(JsonGenerator g, List<T> items, Writer<T> each) throws IOException {
        g.writeStartArray();
        for (T t : items) {
            each.write(g, t);
        }
        g.writeEndArray();
    }

    /** One of the writers above, as a value. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    private static void id(JsonGenerator g, String field, long id) throws IOException {
        g.writeStringField(field, Long.toUnsignedString(id));
    }

    private static void optionalId(JsonGenerator g, String field, long id) throws IOException {
        if (id == 0) {
            g.writeNullField(field);
        } else {
            id(g, field, id);
        }
    }

    private static void timestamp(JsonGenerator g, String field, long micros) throws IOException {
        if (micros == Timestamps.NONE) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, Timestamps.format(micros));
        }
    }
}
