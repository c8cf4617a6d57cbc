package dev.hubcord.hub.rest.discord;

import dev.hubcord.cache.DiscordCache;
import dev.hubcord.cache.json.CacheJsonWriter;
import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Guild;
import dev.hubcord.cache.model.Role;
import dev.hubcord.hub.rest.RestResponse;
import java.util.List;
import java.util.Optional;

/** A guild's structure: the guild itself, its channels and its roles. */
final class GuildResource {

    private final DiscordCache cache;

    GuildResource(DiscordCache cache) {
        this.cache = cache;
    }

    RestResponse guild(long guildId) {
        Optional<Guild> guild = cache.guild(guildId);
        return guild.isPresent() ? JsonBody.ok(CacheJsonWriter::guild, guild.get()) : Missing.guild(guildId);
    }

    RestResponse deleteGuild(long guildId) {
        return cache.deleteGuild(guildId) ? RestResponse.noContent() : Missing.guild(guildId);
    }

    RestResponse channels(long guildId) {
        Optional<List<Channel>> channels = cache.channels(guildId);
        return channels.isPresent() ? JsonBody.okArray(CacheJsonWriter::channel, channels.get()) : Missing.guild(guildId);
    }

    RestResponse channel(long guildId, long channelId) {
        Optional<Channel> channel = cache.channel(guildId, channelId);
        return channel.isPresent() ? JsonBody.ok(CacheJsonWriter::channel, channel.get())
                : Missing.in(cache, guildId, "channel", channelId);
    }

    RestResponse deleteChannel(long guildId, long channelId) {
        return cache.deleteChannel(guildId, channelId) ? RestResponse.noContent()
                : Missing.in(cache, guildId, "channel", channelId);
    }

    RestResponse roles(long guildId) {
        Optional<List<Role>> roles = cache.roles(guildId);
        return roles.isPresent() ? JsonBody.okArray(CacheJsonWriter::role, roles.get()) : Missing.guild(guildId);
    }

    RestResponse role(long guildId, long roleId) {
        Optional<Role> role = cache.role(guildId, roleId);
        return role.isPresent() ? JsonBody.ok(CacheJsonWriter::role, role.get()) : Missing.in(cache, guildId, "role", roleId);
    }

    RestResponse deleteRole(long guildId, long roleId) {
        return cache.deleteRole(guildId, roleId) ? RestResponse.noContent() : Missing.in(cache, guildId, "role", roleId);
    }
}
