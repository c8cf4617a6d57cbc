package dev.hubcord.commands.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.discordrest.HubRateLimits;
import dev.hubcord.discordrest.LocalRateLimits;
import dev.hubcord.discordrest.RateLimits;
import dev.hubcord.discordrest.Replay;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordrest.RestRequest;
import dev.hubcord.discordrest.RestResponse;
import dev.hubcord.discordrest.Route;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one Discord REST client. {@link #execute} blocks the calling thread (use virtual threads) until
 * the call succeeded or failed for good:
 * <ul>
 *   <li>a request waits while its bucket is empty or a global 429 pause runs, rather than failing;</li>
 *   <li>a 429 is retried after {@code retry_after} (body), else {@code Retry-After}, else the bucket reset: a global
 *       one ({@code X-RateLimit-Global} / {@code Scope: global}) pauses every non-exempt route, a per-route or
 *       {@code shared} one blocks the bucket;</li>
 *   <li>5xx, timeouts and I/O errors are retried {@code retries} times with a growing pause, but a request that
 *       went out is repeated only when its {@link Replay} says that is safe: otherwise the call fails with
 *       {@code UNKNOWN_OUTCOME} (Discord may have acted); a repeat answered with one of the replay's "done" codes
 *       counts as success;</li>
 *   <li>401, 403 and non-shared 429s are counted; at the cap calls fail fast with {@code INVALID_REQUEST_CAP}.</li>
 * </ul>
 * The waiting and the counting are the rate limiter's, from the shared module {@code discord-rest}: this process's
 * own ({@code LocalRateLimits}) or, given a hub client, the deployment's, coordinated by the hub
 * ({@code HubRateLimits}).
 */
public final class DiscordRest implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordRest.class);

    private final RestOptions options;
    private final HttpClient http;
    private final RateLimits limits;
    private final AtomicLong rateLimited = new AtomicLong();
    private volatile long lastLatencyMillis = -1;
    private final MeterRegistry meters;

    public DiscordRest(RestOptions options) {
        this(options, null);
    }

    /**
     * With {@code hub}, the rate limits are the deployment's, coordinated by the hub (module {@code discord-rest},
     * {@code HubRateLimits}); without, this process's own.
     */
    public DiscordRest(RestOptions options, HubClient hub) {
        this(options, hub, new SimpleMeterRegistry());
    }

    /**
     * As {@link #DiscordRest(RestOptions, HubClient)}, counting each response in {@code registry} with the names the
     * {@code discord-rest} module uses: {@code discord_rest_requests_total{route,status}} and {@code
     * discord_rest_429_total{scope}}.
     */
    public DiscordRest(RestOptions options, HubClient hub, MeterRegistry registry) {
        this.options = options;
        this.meters = registry;
        // Discord's three X-RateLimit-Scope values exist from the start at 0, so dashboards and rate() see them
        for (String scope : new String[] {"user", "global", "shared"}) {
            registry.counter("discord.rest.429", "scope", scope);
        }
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        dev.hubcord.discordrest.RestOptions shared = new dev.hubcord.discordrest.RestOptions(options.apiBase(),
                options.token(), options.timeout(), options.retries(), options.max429Retries(), options.globalLimit(),
                options.invalidCap(), options.resetMargin());
        this.limits = hub == null ? LocalRateLimits.of(shared) : HubRateLimits.of(hub, shared);
    }

    /**
     * Sends a request and returns the successful response (or, on a repeat after an unknown outcome, the error
     * response whose code the request's {@link Replay} names as "already done").
     *
     * @throws DiscordRestException when Discord refused it (4xx), or after the retries, or at the invalid cap
     */
    public RestResponse execute(RestRequest request) {
        Route route = request.route();
        byte[] body = encode(request.body());
        Replay replay = request.replay();
        int failures = 0;
        int limited = 0;
        boolean unknown = false; // an earlier attempt went out and nobody knows what Discord did with it
        while (true) {
            RestResponse response = null;
            try {
                RateLimits.Permit permit = acquire(route);
                try {
                    response = send(request, body);
                } finally {
                    permit.complete(response == null ? null
                            : new dev.hubcord.discordrest.RestResponse(response.status(), response.headers(),
                                    response.body()));
                }
                // route keys carry only the major parameter, so the tag's values stay bounded
                meters.counter("discord.rest.requests", "route", route.key(), "status",
                        Integer.toString(response.status())).increment();
                if (response.status() == 429) {
                    meters.counter("discord.rest.429", "scope",
                            response.header("X-RateLimit-Scope").orElse("unknown")).increment();
                    handle429(route, response);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiscordRestException(DiscordRestException.Kind.INTERRUPTED, route + ": interrupted", e);
            } catch (IOException e) {
                boolean sent = !neverSent(e);
                String what = e instanceof HttpTimeoutException
                        ? "no answer within " + options.timeout().toMillis() + " ms" : e.toString();
                if (sent && !replay.safe()) {
                    throw new DiscordRestException(DiscordRestException.Kind.UNKNOWN_OUTCOME, route + ": " + what
                            + " after the request was sent; not repeated, as that could do it twice", e);
                }
                unknown |= sent;
                if (++failures > options.retries()) {
                    throw new DiscordRestException(e instanceof HttpTimeoutException
                            ? DiscordRestException.Kind.TIMEOUT : DiscordRestException.Kind.IO, route + ": " + what, e);
                }
                log.debug("{}: {}, retry {}", route, what, failures);
                backoff(failures);
                continue;
            }
            int status = response.status();
            if (response.ok()) {
                return response;
            }
            if (status == 429) {
                if (++limited > options.max429Retries()) {
                    throw new DiscordRestException(DiscordRestException.Kind.RATE_LIMITED, 429, 0,
                            route + ": still rate limited after " + options.max429Retries() + " retries", null);
                }
                continue;
            }
            if (status >= 500 && !replay.safe()) {
                throw new DiscordRestException(DiscordRestException.Kind.UNKNOWN_OUTCOME, status,
                        response.body().path("code").asInt(0), route + ": " + status
                        + " from Discord, which may have acted before failing; not repeated", null);
            }
            if (status >= 500 && ++failures <= options.retries()) {
                log.debug("{}: {} from Discord, retry {}", route, status, failures);
                unknown = true;
                backoff(failures);
                continue;
            }
            int code = response.body().path("code").asInt(0);
            if (unknown && replay.doneCodes().contains(code)) {
                log.debug("{}: {} on a repeat means the earlier attempt worked", route, code);
                return response;
            }
            throw httpError(route, response);
        }
    }

    /** Whether the request certainly never reached Discord (no connection was made), so a repeat is harmless. */
    private static boolean neverSent(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** {@link #execute} and the body as JSON ({@code MissingNode} for 204). */
    public JsonNode call(RestRequest request) {
        return execute(request).body();
    }

    /** A permit from the limiter (which waits, and counts invalid requests toward its cap). */
    private RateLimits.Permit acquire(Route route) throws InterruptedException {
        try {
            return limits.acquire(new dev.hubcord.discordrest.Route(route.method(), route.path(), route.key(),
                    route.major(), route.globalExempt()));
        } catch (dev.hubcord.discordrest.DiscordRestException e) {
            throw new DiscordRestException(DiscordRestException.Kind.INVALID_REQUEST_CAP, e.getMessage(), e);
        }
    }

    /** Counts and logs a 429; the limiter has learnt it (a global pause, a blocked bucket). */
    private void handle429(Route route, RestResponse response) {
        rateLimited.incrementAndGet();
        String scope = response.header("X-RateLimit-Scope").orElse(null);
        if (scope == null && response.body().isMissingNode()) {
            throw new DiscordRestException(DiscordRestException.Kind.RATE_LIMITED, 429, 0, route
                    + ": refused by Cloudflare (too many invalid requests: the IP is banned for a while)", null);
        }
        log.info("{} rate limited (scope {}): retry after {} s", route, scope, retryAfter(response));
    }

    /** {@code retry_after} from the body (float seconds), else {@code Retry-After}, else the bucket's reset. */
    static double retryAfter(RestResponse response) {
        JsonNode fromBody = response.body().path("retry_after");
        if (fromBody.isNumber()) {
            return Math.max(0, fromBody.asDouble());
        }
        return response.seconds("Retry-After")
                .or(() -> response.seconds("X-RateLimit-Reset-After"))
                .orElse(1.0);
    }

    private RestResponse send(RestRequest request, byte[] body) throws IOException, InterruptedException {
        Route route = request.route();
        String url = options.apiBase().toString().replaceAll("/+$", "") + route.path()
                + (request.query() == null ? "" : "?" + request.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(options.timeout())
                .header("User-Agent", RestOptions.USER_AGENT)
                .method(route.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", request.body() instanceof MultipartBody m ? m.contentType()
                    : "application/json");
        }
        if (route.needsAuth()) {
            b.header("Authorization", "Bot " + options.token());
        }
        if (request.auditReason() != null && !request.auditReason().isBlank()) {
            String reason = request.auditReason().length() > 512 ? request.auditReason().substring(0, 512)
                    : request.auditReason();
            b.header("X-Audit-Log-Reason", URLEncoder.encode(reason, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        lastLatencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new RestResponse(r.statusCode(), r.headers().map(), parse(r.body()));
    }

    private static JsonNode parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null; // an HTML error page (Cloudflare) or similar: the status says enough
        }
    }

    private static byte[] encode(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof MultipartBody multipart) {
            return multipart.encode();
        }
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private static DiscordRestException httpError(Route route, RestResponse response) {
        int code = response.body().path("code").asInt(0);
        String message = response.body().path("message").asText("HTTP " + response.status());
        return new DiscordRestException(DiscordRestException.Kind.HTTP, response.status(), code,
                route + ": " + response.status() + " " + message + (code != 0 ? " (code " + code + ")" : ""), null);
    }

    private static void backoff(int failure) {
        try {
            Thread.sleep(Math.min(2_000, 100L << Math.min(failure, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscordRestException(DiscordRestException.Kind.INTERRUPTED, "interrupted during retry pause", e);
        }
    }

    /** The duration of the last HTTP exchange in milliseconds, or -1 before the first. */
    public long lastLatencyMillis() {
        return lastLatencyMillis;
    }

    /** 429 responses met so far (all kinds). */
    public long rateLimitedCount() {
        return rateLimited.get();
    }

    /** 401/403/429 responses counted in the last 10 minutes. */
    public int invalidRequestCount() {
        return limits.invalidRequestCount();
    }

    public boolean globallyPaused() {
        return limits.globallyPaused();
    }

    @Override
    public void close() {
        http.close();
        limits.close();
    }
}
