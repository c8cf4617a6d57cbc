package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimUser;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/**
 * What a library asks about itself when it starts: {@code GET /users/@me} (JDA verifies its token with it before it
 * opens the gateway) and the application ({@code GET /applications/@me}, and the older
 * {@code GET /oauth2/applications/@me} that JDA's {@code retrieveApplicationInfo} still calls), whose {@code flags}
 * say which privileged intents the bot may ask for.
 */
final class SelfRoutes {

    private final RestContext ctx;

    SelfRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    /** {@code GET /users/@me}: the bot's user, with the keys only its own user object carries. */
    RestExchange.Response self(RestExchange.Request request, Map<String, String> params) {
        return RestExchange.Response.json(200, UserPayloads.self(ctx.population().bot()));
    }

    /** {@code GET /applications/@me}: the application, its id the bot user's id, as for modern applications. */
    RestExchange.Response application(RestExchange.Request request, Map<String, String> params) {
        SimUser bot = ctx.population().bot();
        ObjectNode app = Json.obj();
        app.put("id", Json.id(ctx.applicationId()));
        app.put("name", bot.username());
        app.putNull("icon");
        app.put("description", "");
        app.put("summary", "");
        app.putNull("type");
        app.set("bot", UserPayloads.user(bot));
        app.put("bot_public", true);
        app.put("bot_require_code_grant", false);
        app.put("verify_key", verifyKey());
        app.put("flags", ctx.gateway().applicationFlags());
        app.set("owner", UserPayloads.user(owner(bot)));
        app.putNull("team");
        app.put("hook", true);
        app.put("is_monetized", false);
        app.putArray("redirect_uris");
        app.putNull("interactions_endpoint_url");
        app.putNull("role_connections_verification_url");
        app.put("approximate_guild_count", ctx.population().guilds().size());
        ObjectNode install = app.putObject("integration_types_config");
        install.putObject("0");
        return RestExchange.Response.json(200, app);
    }

    /** The developer who owns the application: the owner of the first guild (any user will do; the bot if none). */
    private SimUser owner(SimUser bot) {
        return ctx.population().guilds().stream().findFirst()
                .flatMap(g -> ctx.population().user(ownerId(g)))
                .orElse(bot);
    }

    private static long ownerId(SimGuild guild) {
        return guild.snapshot().ownerId();
    }

    /** A hex Ed25519 public key in shape (64 hex digits), fixed per application so it never changes between calls. */
    private String verifyKey() {
        byte[] key = new byte[32];
        new Random(ctx.applicationId()).nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
