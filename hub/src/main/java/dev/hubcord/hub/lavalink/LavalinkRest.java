package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.rest.RestRequest;
import dev.hubcord.hub.rest.RestResponse;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Lavalink's REST API: {@code /version} and everything under {@code /v4/}. Answers that need an audio worker (loading
 * tracks, changing players) complete when the worker has answered; the rest at once. Errors use Lavalink's shape.
 */
public final class LavalinkRest {

    static final String VERSION = "4.0.0+hubcord";
    private static final List<String> FILTERS = List.of("volume", "equalizer", "karaoke", "timescale", "tremolo",
            "vibrato", "rotation", "distortion", "channelMix", "lowPass");
    /** The sources an audio worker can have (AUDIO_SOURCES and its library decide which each one has). */
    private static final List<String> SOURCES = List.of("http", "local", "library", "soundcloud", "bandcamp", "vimeo",
            "twitch", "getyarn", "nico");

    private final Lavalink lavalink;
    private final WorkerLink link;
    private final LavalinkStats stats;
    private final Predicate<String> authorized;
    private final PlayerPatch patch;

    LavalinkRest(Lavalink lavalink, WorkerLink link, LavalinkStats stats, Predicate<String> authorized) {
        this.lavalink = lavalink;
        this.link = link;
        this.stats = stats;
        this.authorized = authorized;
        this.patch = new PlayerPatch(lavalink, link);
    }

    /** Whether this API answers {@code path}. */
    public static boolean handles(String path) {
        return path.equals("/version") || path.startsWith("/v4/");
    }

    public CompletableFuture<RestResponse> handle(String method, String path, Map<String, List<String>> query,
            byte[] body, String authorization) {
        if (!authorized.test(authorization)) {
            return done(LavalinkError.of(401, "missing or wrong Authorization header", path));
        }
        RestRequest request = RestRequest.of(method, path, query);
        List<String> seg = request.segments();
        try {
            if (path.equals("/version")) {
                return get(request, () -> RestResponse.text("text/plain; charset=utf-8", VERSION));
            }
            String first = seg.size() > 1 ? seg.get(1) : "";
            return switch (first) {
                case "info" -> get(request, () -> RestResponse.ok(info()));
                case "stats" -> get(request, () -> RestResponse.ok(stats.build(false)));
                case "loadtracks" -> method.equals("GET") ? loadTracks(request) : notAllowed(request);
                case "decodetrack" -> get(request, () -> decodeOne(request));
                case "decodetracks" -> method.equals("POST") ? done(decodeMany(request, body)) : notAllowed(request);
                case "sessions" -> sessions(request, body);
                case "routeplanner" -> done(routePlanner(request));
                default -> done(LavalinkError.of(404, "no such endpoint", path));
            };
        } catch (IllegalArgumentException e) {
            return done(LavalinkError.of(400, e.getMessage(), path));
        }
    }

    private CompletableFuture<RestResponse> sessions(RestRequest request, byte[] body) {
        List<String> seg = request.segments();
        if (seg.size() < 3 || seg.size() > 5 || (seg.size() >= 4 && !seg.get(3).equals("players"))) {
            return done(LavalinkError.of(404, "no such endpoint", request.path()));
        }
        LavalinkSession session = lavalink.session(seg.get(2));
        if (session == null) {
            return done(LavalinkError.of(404, "Session not found", request.path()));
        }
        String method = request.method();
        if (seg.size() == 3) {
            return method.equals("PATCH") ? done(patchSession(session, json(body), request.path())) : notAllowed(request);
        }
        if (seg.size() == 4) {
            if (!method.equals("GET")) {
                return notAllowed(request);
            }
            ArrayNode players = Json.mapper().createArrayNode();
            session.players().forEach(p -> players.add(p.toJson()));
            return done(RestResponse.ok(players));
        }
        String guildId = seg.get(4);
        if (!guildId.matches("\\d{1,20}")) {
            return done(LavalinkError.of(400, "guildId must be a snowflake", request.path()));
        }
        return switch (method) {
            case "GET" -> {
                LavalinkPlayer p = session.player(guildId);
                yield done(p == null ? LavalinkError.of(404, "Player not found", request.path()) : RestResponse.ok(p.toJson()));
            }
            case "PATCH" -> patch.apply(session, guildId, json(body), "true".equals(request.queryParam("noReplace")),
                    request.path());
            case "DELETE" -> session.player(guildId) == null ? done(RestResponse.noContent())
                    : lavalink.destroy(session, guildId).thenApply(v -> RestResponse.noContent());
            default -> notAllowed(request);
        };
    }

    private static RestResponse patchSession(LavalinkSession session, JsonNode body, String path) {
        if (!body.isObject()) {
            return LavalinkError.of(400, "the body must be a JSON object", path);
        }
        boolean resuming = session.resuming();
        int timeout = session.timeoutSeconds();
        JsonNode r = body.get("resuming");
        if (r != null && !r.isNull()) {
            if (!r.isBoolean()) {
                return LavalinkError.of(400, "resuming must be a boolean", path);
            }
            resuming = r.booleanValue();
        }
        JsonNode t = body.get("timeout");
        if (t != null && !t.isNull()) {
            if (!t.canConvertToInt() || !t.isIntegralNumber() || t.intValue() < 0 || t.intValue() > 86_400) {
                return LavalinkError.of(400, "timeout must be an integer from 0 to 86400 (seconds)", path);
            }
            timeout = t.intValue();
        }
        session.resumeSettings(resuming, timeout);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("resuming", resuming);
        out.put("timeout", timeout);
        return RestResponse.ok(out);
    }

    private CompletableFuture<RestResponse> loadTracks(RestRequest request) {
        String identifier = request.queryParam("identifier");
        if (identifier == null || identifier.isBlank()) {
            return done(LavalinkError.of(400, "identifier is required", request.path()));
        }
        if (!link.anyWorker()) {
            return done(LavalinkError.of(503, "no audio worker is connected", request.path()));
        }
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("identifier", identifier);
        return link.request(EventType.LOAD_TRACKS, null, d).handle((reply, e) -> {
            if (e != null) {
                return LavalinkError.of(503, PlayerPatch.cause(e).getMessage(), request.path());
            }
            ObjectNode out = Json.mapper().createObjectNode();
            out.set("loadType", reply.get("loadType"));
            out.set("data", reply.get("data"));
            return RestResponse.ok(out);
        });
    }

    private static RestResponse decodeOne(RestRequest request) {
        String encoded = request.queryParam("encodedTrack");
        if (encoded == null) {
            encoded = request.queryParam("track");
        }
        if (encoded == null) {
            return LavalinkError.of(400, "encodedTrack is required", request.path());
        }
        return RestResponse.ok(EncodedTrack.decode(encoded));
    }

    private static RestResponse decodeMany(RestRequest request, byte[] body) {
        JsonNode list = json(body);
        if (!list.isArray()) {
            return LavalinkError.of(400, "the body must be a JSON array of encoded tracks", request.path());
        }
        ArrayNode out = Json.mapper().createArrayNode();
        for (JsonNode e : list) {
            if (!e.isTextual()) {
                return LavalinkError.of(400, "each encoded track must be a string", request.path());
            }
            out.add(EncodedTrack.decode(e.textValue()));
        }
        return RestResponse.ok(out);
    }

    /** No IP rotation is configured: status says so with 204, the free endpoints fail as Lavalink's do without one. */
    private static RestResponse routePlanner(RestRequest request) {
        List<String> seg = request.segments();
        String path = request.path();
        if (seg.size() == 3 && seg.get(2).equals("status")) {
            return request.method().equals("GET") ? RestResponse.noContent()
                    : LavalinkError.of(405, request.method() + " is not allowed here", path);
        }
        if (seg.size() == 4 && seg.get(2).equals("free") && (seg.get(3).equals("address") || seg.get(3).equals("all"))) {
            return request.method().equals("POST")
                    ? LavalinkError.of(500, "Can't access disabled route planner", path)
                    : LavalinkError.of(405, request.method() + " is not allowed here", path);
        }
        return LavalinkError.of(404, "no such endpoint", path);
    }

    private ObjectNode info() {
        ObjectNode info = Json.mapper().createObjectNode();
        ObjectNode version = info.putObject("version");
        version.put("semver", VERSION);
        version.put("major", 4);
        version.put("minor", 0);
        version.put("patch", 0);
        version.putNull("preRelease");
        version.put("build", "hubcord");
        info.put("buildTime", 0);
        ObjectNode git = info.putObject("git");
        git.put("branch", "");
        git.put("commit", "");
        git.put("commitTime", 0);
        info.put("jvm", System.getProperty("java.version"));
        info.put("lavaplayer", "in the audio workers");
        SOURCES.forEach(info.putArray("sourceManagers")::add);
        FILTERS.forEach(info.putArray("filters")::add);
        info.putArray("plugins");
        return info;
    }

    private static CompletableFuture<RestResponse> get(RestRequest request, java.util.function.Supplier<RestResponse> answer) {
        return done(request.method().equals("GET") ? answer.get()
                : LavalinkError.of(405, request.method() + " is not allowed here", request.path()));
    }

    private static CompletableFuture<RestResponse> notAllowed(RestRequest request) {
        return done(LavalinkError.of(405, request.method() + " is not allowed here", request.path()));
    }

    static CompletableFuture<RestResponse> done(RestResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    /** The body as JSON; an {@link IllegalArgumentException} (400) when it is not. */
    static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
    }
}
