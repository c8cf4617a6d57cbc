package dev.hubcord.sharder.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.SharderException;
import dev.hubcord.sharder.SharderException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one REST call a sharder makes: {@code GET /gateway/bot}, for the gateway URL, the recommended
 * shard count and {@code max_concurrency}. Transient failures (no connection, 5xx, 429) are retried
 * with backoff, honouring {@code retry_after}; a 401 is final.
 */
public final class DiscordRest {

    private static final Logger log = LoggerFactory.getLogger(DiscordRest.class);
    private static final String USER_AGENT = "DiscordBot (https://github.com/hubcord/hubcord, 0.1.0)";

    private final URI apiBase;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public DiscordRest(URI apiBase, String token) {
        this.apiBase = apiBase;
        this.token = token;
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
        URI uri = URI.create(apiBase.toString().replaceAll("/+$", "") + "/gateway/bot");
        while (true) {
            String problem;
            long retryAfterMillis = -1;
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", "Bot " + token)
                        .header("User-Agent", USER_AGENT)
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 200) {
                    return parse(Json.mapper().readTree(response.body()));
                }
                if (status == 401) {
                    throw new SharderException(Kind.DISCORD_AUTH, "Discord refused the token (401 on GET /gateway/bot)");
                }
                problem = "HTTP " + status;
                if (status == 429) {
                    JsonNode body = Json.mapper().readTree(response.body());
                    retryAfterMillis = (long) (body.path("retry_after").asDouble(1) * 1000);
                } else if (status < 500) {
                    throw new SharderException(Kind.DISCORD_UNAVAILABLE, "GET /gateway/bot answered " + status);
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            long wait = retryAfterMillis >= 0 ? retryAfterMillis : delayMillis;
            if (System.nanoTime() + wait * 1_000_000 - deadline > 0) {
                throw new SharderException(Kind.DISCORD_UNAVAILABLE, "GET " + uri + " failed: " + problem);
            }
            log.warn("event=gateway_bot_retry problem=\"{}\" retry_in_ms={}", problem, wait);
            Thread.sleep(wait);
            delayMillis = Math.min(delayMillis * 2, 30_000);
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
