package dev.hubcord.commands.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.hub.HubChannel;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubRole;
import dev.hubcord.commands.hub.HubUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The interaction's {@code data.resolved}: what Discord sent along for the IDs in the options or select values,
 * converted to the hub's types. Discord's member objects there lack {@code user}; it is filled from
 * {@code users}.
 */
public record Resolved(JsonNode json, String guildId) {

    public static Resolved of(JsonNode resolved, String guildId) {
        return new Resolved(resolved == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : resolved, guildId);
    }

    public Optional<HubUser> user(String id) {
        JsonNode u = json.path("users").path(id);
        return u.isObject() ? Optional.of(user(u)) : Optional.empty();
    }

    public Optional<HubMember> member(String id) {
        JsonNode m = json.path("members").path(id);
        if (!m.isObject()) {
            return Optional.empty();
        }
        List<String> roles = new ArrayList<>();
        m.path("roles").forEach(r -> roles.add(r.asText()));
        return Optional.of(new HubMember(id, guildId, m.path("nick").asText(null), roles,
                m.path("joined_at").asText(null), m.path("communication_disabled_until").asText(null),
                user(id).orElse(null)));
    }

    public Optional<HubRole> role(String id) {
        JsonNode r = json.path("roles").path(id);
        return r.isObject() ? Optional.of(new HubRole(id, guildId, r.path("name").asText(), r.path("color").asInt(),
                r.path("position").asInt(), r.path("permissions").asText("0"))) : Optional.empty();
    }

    public Optional<HubChannel> channel(String id) {
        JsonNode c = json.path("channels").path(id);
        return c.isObject() ? Optional.of(new HubChannel(id, guildId, c.path("type").asInt(),
                c.path("position").asInt(), c.path("name").asText(null), c.path("parent_id").asText(null)))
                : Optional.empty();
    }

    public Optional<Attachment> attachment(String id) {
        JsonNode a = json.path("attachments").path(id);
        return a.isObject() ? Optional.of(Attachment.of(a)) : Optional.empty();
    }

    /** A message (message context menus): Discord's message object. */
    public Optional<JsonNode> message(String id) {
        JsonNode m = json.path("messages").path(id);
        return m.isObject() ? Optional.of(m) : Optional.empty();
    }

    /** A user, else a role, with that ID. */
    public Optional<Mentionable> mentionable(String id) {
        Optional<HubUser> u = user(id);
        if (u.isPresent()) {
            return Optional.of(new Mentionable.User(u.get(), member(id).orElse(null)));
        }
        return role(id).map(Mentionable.Role::new);
    }

    static HubUser user(JsonNode u) {
        return new HubUser(u.path("id").asText(), u.path("username").asText(), u.path("discriminator").asText("0"),
                u.path("global_name").asText(null), u.path("avatar").asText(null), u.path("bot").asBoolean(false));
    }
}
