package dev.hubcord.discordsim.payload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guild-related objects in Discord's shapes: GUILD_CREATE (with its extras and the member selection rules),
 * GUILD_UPDATE (without extras), roles, channels and members.
 */
public final class GuildPayloads {

    private GuildPayloads() {}

    public static ObjectNode role(SimRole role) {
        ObjectNode r = Json.obj();
        r.put("version", 0);
        r.putNull("unicode_emoji");
        ObjectNode tags = r.putObject("tags");
        if (role.botId() != 0) {
            tags.put("bot_id", Json.id(role.botId()));
        }
        if (role.premiumSubscriber()) {
            tags.putNull("premium_subscriber"); // a "true" boolean tag is a key whose value is null
        }
        r.put("position", role.position());
        r.put("permissions", Long.toString(role.permissions()));
        r.put("name", role.name());
        r.put("mentionable", role.mentionable());
        r.put("managed", role.managed());
        r.put("id", Json.id(role.id()));
        r.putNull("icon");
        r.put("hoist", role.hoist());
        r.put("flags", 0);
        ObjectNode colors = r.putObject("colors");
        colors.put("primary_color", role.color());
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        r.put("color", role.color());
        return r;
    }

    /** A channel without messages yet (see {@link #channel(SimChannel, long, long)}). */
    public static ObjectNode channel(SimChannel channel, long guildId) {
        return channel(channel, guildId, 0);
    }

    /**
     * A channel. {@code guildId} is 0 inside GUILD_CREATE, where real channels carry no {@code guild_id} and no
     * {@code nsfw} (captures omit it when false); elsewhere (REST, CHANNEL_* events) both are present. Categories
     * carry neither {@code parent_id} nor {@code last_message_id}, as in captures. {@code lastMessageId} 0 = null.
     */
    public static ObjectNode channel(SimChannel channel, long guildId, long lastMessageId) {
        ObjectNode c = Json.obj();
        c.put("version", 1_700_000_000_000L);
        c.put("type", channel.type());
        c.put("position", channel.position());
        ArrayNode ow = c.putArray("permission_overwrites");
        for (SimChannel.Overwrite o : channel.overwrites()) {
            ObjectNode n = ow.addObject();
            n.put("type", o.type());
            n.put("id", Json.id(o.id()));
            n.put("deny", Long.toString(o.deny()));
            n.put("allow", Long.toString(o.allow()));
        }
        if (channel.type() != SimChannel.CATEGORY) {
            if (channel.parentId() != 0) {
                c.put("parent_id", Json.id(channel.parentId()));
            } else {
                c.putNull("parent_id");
            }
        }
        c.put("name", channel.name());
        c.put("id", Json.id(channel.id()));
        if (guildId != 0) {
            c.put("guild_id", Json.id(guildId));
        }
        c.put("flags", 0);
        if (channel.type() == SimChannel.TEXT) {
            c.put("topic", channel.topic());
            c.put("rate_limit_per_user", 0);
        } else if (channel.isVoice()) {
            c.put("user_limit", channel.userLimit());
            c.put("bitrate", channel.bitrate());
            c.putNull("rtc_region");
            c.put("rate_limit_per_user", 0);
        }
        if (channel.type() == SimChannel.TEXT || channel.isVoice()) {
            if (guildId != 0) {
                c.put("nsfw", false);
            }
            if (lastMessageId != 0) {
                c.put("last_message_id", Json.id(lastMessageId));
            } else {
                c.putNull("last_message_id");
            }
        }
        return c;
    }

    /** A member; with {@code population} null the member is partial (no {@code user}), as in MESSAGE_CREATE. */
    public static ObjectNode member(SimMember member, Population population) {
        ObjectNode m = Json.obj();
        if (population != null) {
            population.user(member.userId()).ifPresent(u -> m.set("user", UserPayloads.user(u)));
        }
        ArrayNode roles = m.putArray("roles");
        member.roles().forEach(r -> roles.add(Json.id(r)));
        m.putNull("premium_since");
        m.put("pending", false);
        m.put("nick", member.nick());
        m.put("mute", member.mute());
        m.put("joined_at", Json.timestamp(member.joinedAtMillis()));
        m.put("flags", 0);
        m.put("deaf", member.deaf());
        if (member.communicationDisabledUntil() > System.currentTimeMillis()) {
            m.put("communication_disabled_until", Json.timestamp(member.communicationDisabledUntil()));
        } else {
            m.putNull("communication_disabled_until");
        }
        m.putNull("unusual_dm_activity_until");
        m.putNull("banner");
        m.putNull("avatar");
        return m;
    }

    /**
     * GUILD_CREATE. Member selection follows Discord: without GUILD_PRESENCES only the bot and members in voice; with
     * it, everyone at or below {@code largeThreshold}, otherwise online members, members with a role or nickname, and
     * members in voice.
     */
    public static ObjectNode create(SimGuild.Snapshot g, Population population, boolean presencesIntent,
            int largeThreshold) {
        ObjectNode d = base(g);
        boolean large = g.members().size() > largeThreshold;
        d.put("joined_at", Json.timestamp(g.joinedAtMillis()));
        d.put("large", large);
        d.put("member_count", g.members().size());
        d.put("unavailable", false);
        d.put("lazy", true); // bots always get lazy guilds; captures carry it
        Set<Long> inVoice = g.voiceStates().stream().map(v -> v.userId()).collect(Collectors.toSet());
        ArrayNode vs = d.putArray("voice_states");
        g.voiceStates().forEach(v -> vs.add(VoicePayloads.state(v, 0, null)));
        ArrayNode members = d.putArray("members");
        ArrayNode presences = d.putArray("presences");
        long botId = population.bot().id();
        for (SimMember m : g.members()) {
            boolean send = m.userId() == botId || inVoice.contains(m.userId())
                    || (presencesIntent && (!large || m.online() || !m.roles().isEmpty() || m.nick() != null));
            if (send) {
                members.add(member(m, population));
                if (presencesIntent && m.online()) {
                    presences.add(presence(m));
                }
            }
        }
        ArrayNode channels = d.putArray("channels");
        g.channels().forEach(c -> channels.add(channel(c, 0, g.lastMessageId(c.id()))));
        d.putArray("threads");
        d.putArray("stage_instances");
        d.putArray("guild_scheduled_events");
        d.putArray("soundboard_sounds");
        d.putArray("embedded_activities");
        d.putObject("application_command_counts");
        return d;
    }

    /** GUILD_UPDATE: the guild object without the GUILD_CREATE extras (no members, channels or voice states). */
    public static ObjectNode update(SimGuild.Snapshot g) {
        return base(g);
    }

    /** {@code {"id","unavailable":true}}: an outage, in READY and in GUILD_DELETE. */
    public static ObjectNode unavailable(long guildId) {
        ObjectNode d = Json.obj();
        d.put("unavailable", true);
        d.put("id", Json.id(guildId));
        return d;
    }

    private static ObjectNode presence(SimMember m) {
        ObjectNode p = Json.obj();
        p.putObject("user").put("id", Json.id(m.userId()));
        p.put("status", m.status());
        p.putArray("activities");
        p.putObject("client_status").put("desktop", m.status());
        return p;
    }

    private static ObjectNode base(SimGuild.Snapshot g) {
        ObjectNode d = Json.obj();
        d.put("id", Json.id(g.id()));
        d.put("name", g.name());
        d.putNull("icon");
        d.putNull("splash");
        d.putNull("discovery_splash");
        d.put("owner_id", Json.id(g.ownerId()));
        d.putNull("afk_channel_id");
        d.put("afk_timeout", 300);
        d.put("verification_level", 1);
        d.put("default_message_notifications", 0);
        d.put("explicit_content_filter", 0);
        d.put("mfa_level", 0);
        ArrayNode roles = d.putArray("roles");
        g.roles().forEach(r -> roles.add(role(r)));
        d.putArray("emojis");
        d.putArray("stickers");
        d.putArray("features");
        d.putNull("application_id");
        g.channels().stream().filter(c -> c.type() == SimChannel.TEXT).findFirst()
                .ifPresentOrElse(c -> d.put("system_channel_id", Json.id(c.id())), () -> d.putNull("system_channel_id"));
        d.put("system_channel_flags", 0);
        d.putNull("rules_channel_id");
        d.putNull("public_updates_channel_id");
        d.putNull("safety_alerts_channel_id");
        d.putNull("max_presences");
        d.put("max_members", 500_000);
        d.putNull("vanity_url_code");
        d.putNull("description");
        d.putNull("banner");
        d.put("premium_tier", 0);
        d.put("premium_subscription_count", 0);
        d.put("preferred_locale", "en-US");
        d.put("max_video_channel_users", 25);
        d.put("max_stage_video_channel_users", 50);
        d.put("nsfw_level", 0);
        d.put("nsfw", false);
        d.put("premium_progress_bar_enabled", false);
        d.putNull("incidents_data");
        // Undocumented keys real guild payloads carry; clients must ignore them.
        d.put("region", "deprecated");
        d.putNull("hub_type");
        d.putNull("inventory_settings");
        d.putNull("home_header");
        d.putNull("latest_onboarding_question_id");
        ObjectNode hashes = d.putObject("guild_hashes");
        hashes.put("version", 1);
        hashes.putObject("roles").put("omitted", false).put("hash", Integer.toHexString(g.roles().hashCode()));
        hashes.putObject("metadata").put("omitted", false).put("hash", Integer.toHexString(g.name().hashCode()));
        hashes.putObject("channels").put("omitted", false).put("hash", Integer.toHexString(g.channels().hashCode()));
        return d;
    }
}
