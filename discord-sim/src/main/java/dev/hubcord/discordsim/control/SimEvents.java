package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.gateway.Intents;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import dev.hubcord.discordsim.population.SimUser;
import dev.hubcord.discordsim.rest.ApplicationCommands;
import dev.hubcord.discordsim.rest.RestContext;
import dev.hubcord.discordsim.rest.SentMessage;
import java.util.List;

/**
 * "Something happened on Discord": each method changes the population the way Discord would and dispatches the
 * matching event to the guild's shard, in Discord's payload shape. Each returns what it created, so tests can use
 * the ids.
 */
public final class SimEvents {

    private final Population population;
    private final Gateway gateway;
    private final RestContext rest;
    private final InteractionEvents interactions;

    SimEvents(Population population, Gateway gateway, RestContext rest, ApplicationCommands commands) {
        this.population = population;
        this.gateway = gateway;
        this.rest = rest;
        this.interactions = new InteractionEvents(population, gateway, rest, commands);
    }

    private SimGuild guildOfChannel(long channelId) {
        return population.guildOfChannel(channelId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown channel " + channelId));
    }

    /** A user writes in a guild text channel: MESSAGE_CREATE (GUILD_MESSAGES; content per MESSAGE_CONTENT). */
    public ObjectNode messageCreate(long channelId, long authorId, String content) {
        return messageCreate(channelId, authorId, content, null);
    }

    /**
     * Like {@link #messageCreate(long, long, String)}, with the {@code nonce} a user's client sends (echoed in the
     * message, and remembered for the window like a bot's; null = none).
     */
    public ObjectNode messageCreate(long channelId, long authorId, String content, String nonce) {
        SimGuild guild = guildOfChannel(channelId);
        return rest.postMessage(guild, channelId, population.requireUser(authorId),
                MessagePayloads.Content.text(content), 0, false, new RestContext.Origin(SentMessage.Kind.USER, 0,
                        nonce == null ? null : TextNode.valueOf(nonce), false, null));
    }

    /** What {@link #interactionCreate} hands out: the INTERACTION_CREATE payload and the interaction's id and token. */
    public record CreatedInteraction(long id, String token, ObjectNode payload) {}

    /**
     * A user runs a slash command: INTERACTION_CREATE (always delivered) with a token the REST side accepts for the
     * callback (3 s), follow-ups and edits (15 min); user, channel, role, mentionable and attachment options are
     * resolved into {@code data.resolved} ({@link InteractionEvents#chatInput}).
     */
    public CreatedInteraction interactionCreate(long channelId, long userId, String command, JsonNode options) {
        return interactions.chatInput(channelId, userId, command, options);
    }

    /** Every other kind of interaction a user can cause (context menus, autocomplete, components, modals). */
    InteractionEvents interactions() {
        return interactions;
    }

    /** A user joins a guild: GUILD_MEMBER_ADD. */
    public SimMember memberAdd(long guildId, long userId) {
        SimGuild guild = population.requireGuild(guildId);
        SimUser user = population.requireUser(userId);
        SimMember member = new SimMember(user.id(), null, List.of(), System.currentTimeMillis(), 0, false, false,
                "online");
        guild.putMember(member);
        ObjectNode d = GuildPayloads.member(member, population);
        d.put("guild_id", Json.id(guildId));
        gateway.dispatchToGuild(guildId, "GUILD_MEMBER_ADD", d);
        return member;
    }

    /** A member's nick or roles change: GUILD_MEMBER_UPDATE (roles is the full new list). */
    public SimMember memberUpdate(long guildId, long userId, String nick, List<Long> roles) {
        SimGuild guild = population.requireGuild(guildId);
        SimMember member = guild.member(userId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown member " + userId));
        SimMember updated = member.withNick(nick).withRoles(roles == null ? member.roles() : roles);
        guild.putMember(updated);
        ObjectNode d = GuildPayloads.member(updated, population);
        d.put("guild_id", Json.id(guildId));
        gateway.dispatchToGuild(guildId, "GUILD_MEMBER_UPDATE", d);
        return updated;
    }

    /** A member leaves: GUILD_MEMBER_REMOVE with only {@code guild_id} and {@code user}. */
    public void memberRemove(long guildId, long userId) {
        SimGuild guild = population.requireGuild(guildId);
        guild.removeMember(userId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown member " + userId));
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.id(guildId));
        d.set("user", UserPayloads.user(population.requireUser(userId)));
        gateway.dispatchToGuild(guildId, "GUILD_MEMBER_REMOVE", d);
    }

    /** GUILD_ROLE_CREATE; the new role goes just above {@code @everyone}'s neighbours (position 1). */
    public SimRole roleCreate(long guildId, String name, long permissions) {
        SimGuild guild = population.requireGuild(guildId);
        SimRole role = new SimRole(population.newId(), name, 0, 1, permissions, false, false, false, 0, false);
        guild.putRole(role);
        gateway.dispatchToGuild(guildId, "GUILD_ROLE_CREATE", roleEvent(guildId, role));
        return role;
    }

    /** GUILD_ROLE_UPDATE with new permissions (and name, when not null). */
    public SimRole roleUpdate(long guildId, long roleId, String name, long permissions) {
        SimGuild guild = population.requireGuild(guildId);
        SimRole role = guild.role(roleId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown role " + roleId));
        SimRole updated = (name == null ? role : role.withName(name)).withPermissions(permissions);
        guild.putRole(updated);
        gateway.dispatchToGuild(guildId, "GUILD_ROLE_UPDATE", roleEvent(guildId, updated));
        return updated;
    }

    /** GUILD_ROLE_DELETE with only {@code role_id}; members lose the role without per-member events. */
    public void roleDelete(long guildId, long roleId) {
        SimGuild guild = population.requireGuild(guildId);
        guild.removeRole(roleId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown role " + roleId));
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.id(guildId));
        d.put("role_id", Json.id(roleId));
        gateway.dispatchToGuild(guildId, "GUILD_ROLE_DELETE", d);
    }

    private static ObjectNode roleEvent(long guildId, SimRole role) {
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.id(guildId));
        d.set("role", GuildPayloads.role(role));
        return d;
    }

    /** CHANNEL_CREATE (with {@code guild_id}, unlike channels inside GUILD_CREATE). */
    public SimChannel channelCreate(long guildId, int type, String name, long parentId, int userLimit) {
        SimGuild guild = population.requireGuild(guildId);
        SimChannel channel = new SimChannel(population.newId(), type, name, 0, parentId, List.of(), userLimit,
                type == SimChannel.VOICE ? 64_000 : 0, null);
        guild.putChannel(channel);
        gateway.dispatchToGuild(guildId, "CHANNEL_CREATE", GuildPayloads.channel(channel, guildId));
        return channel;
    }

    /** CHANNEL_UPDATE with a new name and overwrites (null keeps them). */
    public SimChannel channelUpdate(long guildId, long channelId, String name, List<SimChannel.Overwrite> overwrites) {
        SimGuild guild = population.requireGuild(guildId);
        SimChannel channel = guild.channel(channelId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown channel " + channelId));
        SimChannel updated = channel.withName(name == null ? channel.name() : name)
                .withOverwrites(overwrites == null ? channel.overwrites() : overwrites);
        guild.putChannel(updated);
        gateway.dispatchToGuild(guildId, "CHANNEL_UPDATE", GuildPayloads.channel(updated, guildId,
                guild.lastMessageId(channelId)));
        return updated;
    }

    public void channelDelete(long guildId, long channelId) {
        SimGuild guild = population.requireGuild(guildId);
        SimChannel channel = guild.removeChannel(channelId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown channel " + channelId));
        gateway.dispatchToGuild(guildId, "CHANNEL_DELETE", GuildPayloads.channel(channel, guildId));
    }

    /** GUILD_UPDATE: the guild object without members, channels or voice states. */
    public void guildUpdate(long guildId, String name) {
        SimGuild guild = population.requireGuild(guildId);
        guild.rename(name);
        gateway.dispatchToGuild(guildId, "GUILD_UPDATE", GuildPayloads.update(guild.snapshot()));
    }

    /** An outage: GUILD_DELETE {@code {id, unavailable:true}}; new sessions get the same instead of GUILD_CREATE. */
    public void guildOutage(long guildId) {
        population.requireGuild(guildId).setUnavailable(true);
        gateway.dispatchToGuild(guildId, "GUILD_DELETE", GuildPayloads.unavailable(guildId));
    }

    /** The outage ends: a full GUILD_CREATE, shaped per session (intents, {@code large_threshold}). */
    public void guildRecover(long guildId) {
        SimGuild guild = population.requireGuild(guildId);
        guild.setUnavailable(false);
        SimGuild.Snapshot snap = guild.snapshot();
        gateway.dispatchToGuild(guildId, "GUILD_CREATE", s -> GuildPayloads.create(snap, population,
                s.has(Intents.GUILD_PRESENCES), s.largeThreshold()));
    }

    /** The bot is removed from a guild: GUILD_DELETE without {@code unavailable}. */
    public void guildRemove(long guildId) {
        population.removeGuild(guildId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown guild " + guildId));
        ObjectNode d = Json.obj();
        d.put("id", Json.id(guildId));
        gateway.dispatchToGuild(guildId, "GUILD_DELETE", d);
    }
}
