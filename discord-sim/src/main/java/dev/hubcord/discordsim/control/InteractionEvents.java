package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.control.SimEvents.CreatedInteraction;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.InteractionPayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.Snowflakes;
import dev.hubcord.discordsim.rest.ApplicationCommands;
import dev.hubcord.discordsim.rest.Interactions;
import dev.hubcord.discordsim.rest.RestContext;
import java.util.List;
import java.util.Map;

/**
 * A user doing each kind of interaction in a guild channel: a chat-input command (options resolved), a user or
 * message context menu, typing into an autocompleted option, clicking a component on a message the bot sent, and
 * submitting a modal the bot showed. Each registers the interaction (3 s to the first callback, 15 min token),
 * dispatches INTERACTION_CREATE (always delivered) and returns its id, token and payload.
 */
public final class InteractionEvents {

    private final Population population;
    private final Gateway gateway;
    private final RestContext rest;
    private final ApplicationCommands commands;

    InteractionEvents(Population population, Gateway gateway, RestContext rest, ApplicationCommands commands) {
        this.population = population;
        this.gateway = gateway;
        this.rest = rest;
        this.commands = commands;
    }

    /** Who acts where: guild, member, channel and the permissions an interaction reports. */
    private record Actor(SimGuild.Snapshot snap, SimChannel channel, long userId,
            InteractionPayloads.Where where) {}

    private Actor actor(long channelId, long userId) {
        SimGuild guild = population.guildOfChannel(channelId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown channel " + channelId));
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember member = snap.member(userId)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "user is not a member " + userId));
        SimChannel channel = snap.channel(channelId).orElseThrow();
        long now = System.currentTimeMillis();
        long memberPerms = Permissions.inChannel(snap, member, channel, now);
        long appPerms = snap.member(population.bot().id())
                .map(b -> Permissions.inChannel(snap, b, channel, now)).orElse(0L);
        return new Actor(snap, channel, userId, new InteractionPayloads.Where(guild.id(),
                GuildPayloads.channel(channel, guild.id()), member, memberPerms, appPerms));
    }

    private CreatedInteraction deliver(Actor a, Interactions.Kind kind, ObjectNode data, JsonNode message) {
        long id = population.newId();
        Interactions.State state = rest.interactions().register(id, a.where().guildId(), a.channel().id(),
                a.userId(), kind, Long.toHexString(population.newId() * 0x9E3779B97F4A7C15L));
        ObjectNode payload = InteractionPayloads.create(kind.type(), id, rest.applicationId(), state.token(),
                a.where(), population, data, message);
        gateway.dispatchToGuild(a.where().guildId(), "INTERACTION_CREATE", payload);
        return new CreatedInteraction(id, state.token(), payload);
    }

    /** {@code data} of a command: type, name, id (the registered command's, else one derived from the name). */
    private ObjectNode commandData(Actor a, String name, int type) {
        ObjectNode data = Json.obj();
        data.put("type", type);
        data.put("name", name);
        ObjectNode registered = commands.find(a.where().guildId(), name, type).orElse(null);
        data.put("id", registered != null ? registered.path("id").asText() : Json.id(derivedId(name)));
        if (registered != null && registered.has("guild_id")) {
            data.put("guild_id", registered.path("guild_id").asText());
        }
        return data;
    }

    /**
     * For a command the bot has not registered: an ID the same for a name every time, decoding like a real one to a
     * time after the application was created (a day after it, plus up to a day by the name).
     */
    long derivedId(String command) {
        long day = 86_400_000L;
        long created = Snowflakes.timestampMillis(rest.applicationId());
        int hash = command.hashCode();
        long at = created + day + Math.floorMod(hash, day);
        return ((at - Snowflakes.DISCORD_EPOCH) << 22) | (hash & 0x3F_FFFFL);
    }

    /**
     * A chat-input command with options as Discord's array ({@code name}, {@code type}, {@code value} or nested
     * {@code options}); user, channel, role, mentionable and attachment options are resolved into
     * {@code data.resolved} (an attachment's {@code value} is the uploaded file's name; it becomes the new
     * attachment's ID).
     */
    public CreatedInteraction chatInput(long channelId, long userId, String name, JsonNode options) {
        Actor a = actor(channelId, userId);
        ObjectNode data = commandData(a, name, 1);
        if (options != null && options.isArray() && !options.isEmpty()) {
            Resolver resolver = new Resolver(population, a.snap(), a.where().guildId(), userId);
            data.set("options", resolver.options(options, a.channel()));
            ObjectNode resolved = resolver.build();
            if (resolved != null) {
                data.set("resolved", resolved);
            }
        }
        return deliver(a, Interactions.Kind.command(1, name), data, null);
    }

    /** A user context menu (command type 2) on {@code targetUserId}: {@code target_id}, resolved user and member. */
    public CreatedInteraction userCommand(long channelId, long userId, String name, long targetUserId) {
        Actor a = actor(channelId, userId);
        ObjectNode data = commandData(a, name, 2);
        Resolver resolver = new Resolver(population, a.snap(), a.where().guildId(), userId);
        resolver.user(targetUserId, a.channel());
        data.put("target_id", Json.id(targetUserId));
        data.set("resolved", resolver.build());
        return deliver(a, Interactions.Kind.command(2, name), data, null);
    }

    /** A message context menu (command type 3) on a live message of the channel: the message under resolved. */
    public CreatedInteraction messageCommand(long channelId, long userId, String name, long targetMessageId) {
        Actor a = actor(channelId, userId);
        ObjectNode target = rest.messages().message(targetMessageId)
                .filter(m -> m.path("channel_id").asText().equals(Json.id(channelId))
                        && (m.path("flags").asInt() & 64) == 0)
                .orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown message "
                        + Long.toUnsignedString(targetMessageId) + " in channel " + channelId));
        ObjectNode data = commandData(a, name, 3);
        Resolver resolver = new Resolver(population, a.snap(), a.where().guildId(), userId);
        resolver.message(target);
        data.put("target_id", Json.id(targetMessageId));
        data.set("resolved", resolver.build());
        return deliver(a, Interactions.Kind.command(3, name), data, null);
    }

    /**
     * Typing {@code value} into option {@code option} of chat-input command {@code name}, below the subcommand group
     * and subcommand of {@code path} (empty for none), with {@code filled} the options already filled at that level.
     * The focused option's type is the registered one (string when the command is not registered); its value is
     * what was typed, a string. A registered command without that option, or whose option has no
     * {@code autocomplete}, is refused (400).
     */
    public CreatedInteraction autocomplete(long channelId, long userId, String name, List<String> path,
            String option, String value, JsonNode filled) {
        Actor a = actor(channelId, userId);
        ObjectNode data = commandData(a, name, 1);
        int type = Autocomplete.focusedType(commands.find(a.where().guildId(), name, 1).orElse(null), path, option);
        ArrayNode leaf = Json.arr();
        if (filled != null && filled.isArray()) {
            filled.forEach(o -> leaf.add(o.deepCopy()));
        }
        ObjectNode focused = leaf.addObject();
        focused.put("type", type);
        focused.put("name", option);
        focused.put("value", value);
        focused.put("focused", true);
        data.set("options", Autocomplete.nest(path, leaf));
        return deliver(a, new Interactions.Kind(4, 1, name, 0), data, null);
    }

    /**
     * A click on (or a choice in) the component {@code customId} of message {@code messageId}, which the bot sent:
     * {@code message} is the whole message, {@code data} carries {@code custom_id}, {@code component_type} and, for
     * selects, {@code values} (and {@code resolved} for user, role, mentionable and channel selects).
     */
    public CreatedInteraction component(long messageId, long userId, String customId, List<String> values) {
        ObjectNode message = rest.messages().message(messageId).orElseThrow(() -> new SimException(
                SimException.Kind.NOT_FOUND, "unknown message " + Long.toUnsignedString(messageId)));
        if (!message.path("author").path("id").asText().equals(Json.id(population.bot().id()))) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "message " + Long.toUnsignedString(messageId)
                    + " was not sent by the bot");
        }
        Actor a = actor(Long.parseUnsignedLong(message.path("channel_id").asText()), userId);
        Resolver resolver = new Resolver(population, a.snap(), a.where().guildId(), userId);
        ObjectNode data = ComponentClick.data(message, customId, values, resolver, a.channel());
        return deliver(a, new Interactions.Kind(3, 0, customId, messageId), data, message);
    }

    /**
     * Submitting the open modal {@code customId} the bot showed (to {@code userId}, or to anyone when 0): each text
     * input's value by its {@code custom_id} (a string), a string select inside a label by a list of strings. The
     * modal closes (a second submit is a 404, as is one without a modal).
     */
    public CreatedInteraction modalSubmit(String customId, long userId, Map<String, JsonNode> values) {
        Interactions.State shown = rest.interactions().withModal(customId, userId).orElseThrow(() ->
                new SimException(SimException.Kind.NOT_FOUND, "no open modal with custom_id " + customId));
        ObjectNode data = Json.obj();
        data.put("custom_id", customId);
        data.set("components", ModalSubmission.components(shown.modal(), values));
        if (!rest.interactions().modalSubmitted(shown)) {
            throw new SimException(SimException.Kind.NOT_FOUND, "no open modal with custom_id " + customId);
        }
        Actor a = actor(shown.channelId(), shown.userId());
        long messageId = shown.kind().messageId();
        JsonNode message = messageId == 0 ? null : rest.messages().message(messageId).orElse(null);
        return deliver(a, new Interactions.Kind(5, 0, customId, message == null ? 0 : messageId), data, message);
    }
}
