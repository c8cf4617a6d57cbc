package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated REST API v10: routing below {@code /api/v10}, bot-token authorization (401), rate limits with
 * Discord's headers and 429s, the handlers, and a record of every request for tests.
 */
public final class Rest {

    private static final String PREFIX = "/api/v10/";
    private static final int MAX_RECORDS = 100_000;

    private final RestContext ctx;
    private final RateLimiter limiter;
    private final List<Route> routes = new ArrayList<>();
    private final List<RestExchange.Recorded> recorded = new ArrayList<>();
    private final RestDelays delays = new RestDelays();
    private final ApplicationCommands commands;
    private int invalidRequests;
    private final InvalidRequestBan ban = new InvalidRequestBan();

    /** A response and how long to hold it back before writing it (a test's {@link #delay}); 0 = at once. */
    public record Timed(RestExchange.Response response, long delayMs) {}

    public Rest(RestConfig config, RestContext.Factory contextFactory) {
        this.limiter = new RateLimiter(config);
        this.ctx = contextFactory.create(limiter::config);
        MessageRoutes messages = new MessageRoutes(ctx);
        InteractionRoutes interactions = new InteractionRoutes(ctx);
        InteractionCallbacks callbacks = new InteractionCallbacks(ctx, interactions);
        ModerationRoutes moderation = new ModerationRoutes(ctx);
        MemberRoutes members = new MemberRoutes(ctx);
        ChannelRoutes channels = new ChannelRoutes(ctx);
        Reactions reactionStore = new Reactions();
        MessageEditRoutes message = new MessageEditRoutes(ctx, reactionStore);
        MessageHistoryRoutes history = new MessageHistoryRoutes(ctx, reactionStore);
        ReactionRoutes reactions = new ReactionRoutes(ctx, reactionStore);
        RoleRoutes roles = new RoleRoutes(ctx);
        SelfRoutes self = new SelfRoutes(ctx);
        this.commands = new ApplicationCommands(ctx.applicationId(), () -> ctx.population().newId());
        CommandRoutes commandRoutes = new CommandRoutes(ctx, commands);
        routes.add(new Route("GET", "gateway", null, false, false, (r, p) -> gateway()));
        routes.add(new Route("GET", "gateway/bot", "gateway_bot", true, false, (r, p) -> gatewayBot()));
        routes.add(new Route("POST", "channels/{channel_id}/messages", "messages", true, false, messages::create));
        routes.add(new Route("GET", "channels/{channel_id}/messages", "message_list", true, false, history::list));
        routes.add(new Route("GET", "channels/{channel_id}", "channel_get", true, false, channels::get));
        routes.add(new Route("POST", "channels/{channel_id}/typing", "typing", true, false, channels::typing));
        routes.add(new Route("GET", "channels/{channel_id}/messages/{message_id}", "message_get", true, false,
                message::get));
        routes.add(new Route("PATCH", "channels/{channel_id}/messages/{message_id}", "message_edit", true, false,
                message::edit));
        routes.add(new Route("DELETE", "channels/{channel_id}/messages/{message_id}", "message_delete", true, false,
                message::delete));
        routes.add(new Route("PUT", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", "reactions",
                true, false, reactions::add));
        routes.add(new Route("DELETE", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                "reactions", true, false, reactions::remove));
        routes.add(new Route("GET", "channels/{channel_id}/messages/{message_id}/reactions/{emoji}",
                "reaction_users", true, false, reactions::users));
        routes.add(new Route("POST", "interactions/{interaction_id}/{interaction_token}/callback",
                "interaction_callback", false, true, callbacks::callback));
        routes.add(new Route("POST", "webhooks/{webhook_id}/{webhook_token}", "webhooks", false, true,
                interactions::followUp));
        routes.add(new Route("PATCH", "webhooks/{webhook_id}/{webhook_token}/messages/@original", "webhooks", false,
                true, interactions::editOriginal));
        routes.add(new Route("GET", "webhooks/{webhook_id}/{webhook_token}/messages/@original", "webhooks", false,
                true, interactions::getOriginal));
        routes.add(new Route("DELETE", "webhooks/{webhook_id}/{webhook_token}/messages/@original", "webhooks", false,
                true, interactions::deleteOriginal));
        // after @original: the first template that fits a path and method wins
        FollowUpRoutes followUps = new FollowUpRoutes(ctx, interactions);
        routes.add(new Route("GET", "webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "webhooks", false,
                true, followUps::get));
        routes.add(new Route("PATCH", "webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "webhooks",
                false, true, followUps::edit));
        routes.add(new Route("DELETE", "webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "webhooks",
                false, true, followUps::delete));
        routes.add(new Route("PUT", "guilds/{guild_id}/bans/{user_id}", "bans", true, false, moderation::ban));
        routes.add(new Route("DELETE", "guilds/{guild_id}/bans/{user_id}", "bans", true, false, moderation::unban));
        // search before {user_id}: the first template that fits a path and method wins
        routes.add(new Route("GET", "guilds/{guild_id}/members/search", "member_search", true, false,
                members::search));
        routes.add(new Route("GET", "guilds/{guild_id}/members/{user_id}", "member_get", true, false, members::get));
        // @me before {user_id}, as search before {user_id} above
        routes.add(new Route("GET", "users/@me", "users", true, false, self::self));
        routes.add(new Route("GET", "applications/@me", null, true, false, self::application));
        routes.add(new Route("GET", "oauth2/applications/@me", null, true, false, self::application));
        routes.add(new Route("GET", "users/{user_id}", "users", true, false, members::user));
        routes.add(new Route("DELETE", "guilds/{guild_id}/members/{user_id}", "member_kick", true, false,
                moderation::kick));
        routes.add(new Route("PATCH", "guilds/{guild_id}/members/{user_id}", "member_modify", true, false,
                moderation::modify));
        routes.add(new Route("PUT", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", "member_roles", true,
                false, roles::add));
        routes.add(new Route("DELETE", "guilds/{guild_id}/members/{user_id}/roles/{role_id}", "member_roles", true,
                false, roles::remove));
        addCommandRoutes("applications/{application_id}/commands", "commands", commandRoutes);
        addCommandRoutes("applications/{application_id}/guilds/{guild_id}/commands", "guild_commands",
                commandRoutes);
    }

    /** The same six command routes globally and per guild, each scope with its bucket. */
    private void addCommandRoutes(String base, String bucket, CommandRoutes handlers) {
        routes.add(new Route("GET", base, bucket, true, false, handlers::list));
        routes.add(new Route("POST", base, bucket, true, false, handlers::create));
        routes.add(new Route("PUT", base, bucket, true, false, handlers::overwrite));
        routes.add(new Route("GET", base + "/{command_id}", bucket, true, false, handlers::get));
        routes.add(new Route("PATCH", base + "/{command_id}", bucket, true, false, handlers::edit));
        routes.add(new Route("DELETE", base + "/{command_id}", bucket, true, false, handlers::delete));
    }

    /** Whether a request path belongs to the REST API (anything else is the gateway or the control API). */
    public static boolean handles(String path) {
        return path.startsWith("/api/");
    }

    public RestExchange.Response handle(RestExchange.Request request) {
        return handleTimed(request).response();
    }

    /** Handles a request; the caller writes the response after {@code delayMs} (the server schedules it). */
    public Timed handleTimed(RestExchange.Request request) {
        RestExchange.Response banned = ban.refusal(System.currentTimeMillis());
        if (banned != null) {
            record(request, banned); // Cloudflare answers: no "via: 1.1 google"
            return new Timed(banned, 0);
        }
        Timed timed = route(request);
        // Discord's answers all pass Google's front end; JDA takes a 429 without "via" for a Cloudflare ban.
        timed.response().headers().putIfAbsent("Via", "1.1 google");
        record(request, timed.response());
        return timed;
    }

    /**
     * Answers the next {@code count} requests of a bucket ({@code messages}, {@code webhooks}, ...) in the channel or
     * guild {@code resourceId} (0: any) only after {@code delayMs}; they take effect at once. A count of 0 clears it.
     */
    public void delay(String bucket, long resourceId, long delayMs, int count) {
        if (!limiter.config().buckets().containsKey(bucket)) {
            throw new SimException(SimException.Kind.NOT_FOUND, "unknown bucket " + bucket + "; known: "
                    + limiter.config().buckets().keySet());
        }
        delays.set(bucket, resourceId, delayMs, count);
    }

    private Timed route(RestExchange.Request request) {
        if (!request.path().startsWith(PREFIX)) {
            return new Timed(RestExchange.Response.error(404, 0, "404: Not Found"), 0);
        }
        String path = request.path().substring(PREFIX.length());
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.match(path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.method())) {
                continue;
            }
            String auth = request.header("authorization");
            boolean authorized = auth != null && auth.equals("Bot " + ctx.token());
            if (route.auth() && !authorized) {
                return new Timed(RestExchange.Response.error(401, 0, "401: Unauthorized"), 0);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            RestExchange.Response limited = limiter.acquire(route, Route.majorParameter(params),
                    authorized ? ctx.token() : null, headers);
            if (limited != null) {
                return new Timed(limited, 0);
            }
            RestExchange.Response badFiles = Uploads.check(request, limiter.config());
            if (badFiles != null) {
                badFiles.headers().putAll(headers);
                return new Timed(badFiles, 0);
            }
            RestExchange.Response response = route.handler().handle(request, params);
            response.headers().putAll(headers);
            return new Timed(response, delays.take(route.bucket(), Route.majorParameter(params)));
        }
        return new Timed(pathKnown ? RestExchange.Response.error(405, 0, "405: Method Not Allowed")
                : RestExchange.Response.error(404, 0, "404: Not Found"), 0);
    }

    private RestExchange.Response gateway() {
        ObjectNode b = Json.obj();
        b.put("url", ctx.gatewayUrl().get());
        return RestExchange.Response.json(200, b);
    }

    private RestExchange.Response gatewayBot() {
        ObjectNode b = Json.obj();
        b.put("url", ctx.gatewayUrl().get());
        b.put("shards", ctx.gateway().config().recommendedShards());
        b.set("session_start_limit", ctx.gateway().sessionStartLimit());
        return RestExchange.Response.json(200, b);
    }

    private void record(RestExchange.Request request, RestExchange.Response response) {
        String rawQuery = request.query().isEmpty() ? "" : request.query().toString();
        RestExchange.Recorded r = new RestExchange.Recorded(System.currentTimeMillis(), request.method(),
                request.path(), rawQuery, Map.copyOf(request.headers()), request.body(), response.status());
        synchronized (recorded) {
            if (recorded.size() >= MAX_RECORDS) {
                recorded.removeFirst();
            }
            recorded.add(r);
            boolean shared = "shared".equals(response.headers().get("X-RateLimit-Scope"));
            if (response.status() == 401 || response.status() == 403 || (response.status() == 429 && !shared)) {
                invalidRequests++;
                if (!response.headers().containsKey("Content-Type")) { // Cloudflare's own 429s do not count
                    ban.record(r.atMillis());
                }
            }
        }
    }

    /** The routes, in matching order: {@code METHOD template} and bucket (null = none), for the route table. */
    public List<RouteInfo> routes() {
        return routes.stream().map(r -> new RouteInfo(r.method(), r.template(), r.bucket())).toList();
    }

    /** One implemented route as documented: method, path template below {@code /api/v10}, rate-limit bucket. */
    public record RouteInfo(String method, String template, String bucket) {}

    /** Every request so far, oldest first. */
    public List<RestExchange.Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    /**
     * Responses that count toward Discord's invalid-request limit (401, 403, and 429 except scope {@code shared}).
     */
    public int invalidRequestCount() {
        synchronized (recorded) {
            return invalidRequests;
        }
    }

    /**
     * Sets the invalid-request ban: {@code limit} invalid responses within {@code windowMs} ban for {@code banMs}
     * (defaults 10,000, 10 minutes, 1 hour); clears the count and any running ban.
     */
    public void invalidRequestBan(int limit, long windowMs, long banMs) {
        ban.configure(limit, windowMs, banMs);
    }

    /** Replaces the limits at runtime; all bucket and global windows start over. */
    public void reconfigure(RestConfig config) {
        limiter.reconfigure(config);
    }

    public RestConfig config() {
        return limiter.config();
    }

    public Interactions interactions() {
        return ctx.interactions();
    }

    /** The application's registered commands (global and per guild). */
    public ApplicationCommands commands() {
        return commands;
    }

    public RestContext context() {
        return ctx;
    }

    static long snowflake(String text) {
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
