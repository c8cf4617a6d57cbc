package dev.hubcord.sharder.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.discordrest.LocalRateLimits;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordrest.RestRequest;
import dev.hubcord.sharder.SharderException;
import dev.hubcord.sharder.SharderException.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one REST call a sharder makes: {@code GET /gateway/bot}, for the gateway URL, the recommended shard count and
 * {@code max_concurrency}, through the shared client ({@code discord-rest}): its bucket, 429 and retry rules. It is
 * made before the sharder connects to the hub, so with the per-process limiter: one call per start. The client's
 * own retries aside, transient failures are retried with backoff until {@code maxWait}; a 401 is final. The
 * client's meters ({@code discord_rest_*}) go to the registry given, so they show on the sharder's {@code /metrics}.
 */
public final class DiscordRest {

    private static final Logger log = LoggerFactory.getLogger(DiscordRest.class);

    private final RestOptions options;
    private final MeterRegistry registry;

    /** A client whose meters nobody reads (tests, tools). */
    public DiscordRest(URI apiBase, String token) {
        this(apiBase, token, new SimpleMeterRegistry());
    }

    public DiscordRest(URI apiBase, String token, MeterRegistry registry) {
        this.options = RestOptions.defaults(apiBase, token).withTimeout(Duration.ofSeconds(15), 2);
        this.registry = registry;
    }

    /**
     * Asks until Discord answers, waiting up to {@code maxWait} in total.
     *
     * @throws SharderException {@code DISCORD_AUTH} on 401, {@code DISCORD_UNAVAILABLE} when no usable
     *     answer came within {@code maxWait}
     */
    public GatewayBot gatewayBot(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long delayMillis = 500;
        try (dev.hubcord.discordrest.DiscordRest rest = new dev.hubcord.discordrest.DiscordRest(options,
                LocalRateLimits.of(options), registry)) {
            while (true) {
                String problem;
                try {
                    return parse(rest.call(RestRequest.of("GET", "/gateway/bot")));
                } catch (DiscordRestException e) {
                    if (e.status() == 401) {
                        throw new SharderException(Kind.DISCORD_AUTH,
                                "Discord refused the token (401 on GET /gateway/bot)");
                    }
                    if (e.kind() == DiscordRestException.Kind.HTTP && e.status() < 500) {
                        throw new SharderException(Kind.DISCORD_UNAVAILABLE, "GET /gateway/bot answered " + e.status());
                    }
                    if (e.kind() == DiscordRestException.Kind.INTERRUPTED) {
                        throw new InterruptedException("interrupted during GET /gateway/bot");
                    }
                    problem = e.getMessage();
                }
                if (System.nanoTime() + delayMillis * 1_000_000 - deadline > 0) {
                    throw new SharderException(Kind.DISCORD_UNAVAILABLE, "GET /gateway/bot failed: " + problem);
                }
                log.warn("event=gateway_bot_retry problem=\"{}\" retry_in_ms={}", problem, delayMillis);
                Thread.sleep(delayMillis);
                delayMillis = Math.min(delayMillis * 2, 30_000);
            }
        }
    }

    static GatewayBot parse(JsonNode body) {
        String url = body.path("url").asText("");
        if (url.isEmpty()) {
            throw new SharderException(Kind.DISCORD_UNAVAILABLE, "GET /gateway/bot without url: " + body);
        }
        JsonNode limit = body.path("session_start_limit");
        return new GatewayBot(url, Math.max(1, body.path("shards").asInt(1)),
                Math.max(1, limit.path("max_concurrency").asInt(1)), limit.path("remaining").asInt(-1));
    }
}
