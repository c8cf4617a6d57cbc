package dev.hubcord.commands.interactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.List;

/**
 * Who a message may ping. The framework's default is {@link #none()}: commands echo user text, and an echoed
 * {@code @everyone} must not ping.
 */
public record AllowedMentions(boolean everyone, boolean allUsers, boolean allRoles, List<String> users,
        List<String> roles, boolean repliedUser) {

    public AllowedMentions {
        users = List.copyOf(users);
        roles = List.copyOf(roles);
    }

    public static AllowedMentions none() {
        return new AllowedMentions(false, false, false, List.of(), List.of(), false);
    }

    /** Only these users. */
    public static AllowedMentions users(String... ids) {
        return new AllowedMentions(false, false, false, List.of(ids), List.of(), false);
    }

    /** Only these roles. */
    public static AllowedMentions roles(String... ids) {
        return new AllowedMentions(false, false, false, List.of(), List.of(ids), false);
    }

    /** Every user and role mentioned in the text, and {@code @everyone}. */
    public static AllowedMentions all() {
        return new AllowedMentions(true, true, true, List.of(), List.of(), true);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode();
        ArrayNode parse = o.putArray("parse");
        if (everyone) {
            parse.add("everyone");
        }
        if (allUsers) {
            parse.add("users");
        } else if (!users.isEmpty()) {
            users.forEach(o.putArray("users")::add);
        }
        if (allRoles) {
            parse.add("roles");
        } else if (!roles.isEmpty()) {
            roles.forEach(o.putArray("roles")::add);
        }
        if (repliedUser) {
            o.put("replied_user", true);
        }
        return o;
    }
}
