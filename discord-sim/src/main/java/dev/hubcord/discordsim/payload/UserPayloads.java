package dev.hubcord.discordsim.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.SimUser;

/** User objects as Discord sends them, including the undocumented keys real payloads carry. */
public final class UserPayloads {

    private UserPayloads() {}

    public static ObjectNode user(SimUser user) {
        ObjectNode u = Json.obj();
        u.put("username", user.username());
        u.put("public_flags", 0);
        u.putNull("primary_guild");
        u.put("id", Json.id(user.id()));
        u.put("global_name", user.globalName());
        u.putNull("display_name_styles");
        u.put("discriminator", user.bot() ? "0001" : "0");
        u.putNull("collectibles");
        u.putNull("clan");
        if (user.bot()) {
            u.put("bot", true);
        }
        u.putNull("avatar_decoration_data");
        u.put("avatar", user.avatar());
        return u;
    }

    /** The bot's own user as READY carries it. */
    public static ObjectNode self(SimUser bot) {
        ObjectNode u = user(bot);
        u.put("verified", true);
        u.put("mfa_enabled", true);
        u.put("flags", 0);
        u.putNull("email");
        return u;
    }
}
