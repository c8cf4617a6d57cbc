package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.discordsim.DiscordSim;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The simulator's voice control routes over HTTP, as a tester outside the JVM would use them: the voice scenarios
 * judge JDA by what the sim's voice server recorded ({@code GET /_sim/voice/{guild}}), not by JDA's own view.
 */
final class SimVoiceApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SimVoiceApi(DiscordSim sim) {
        this.base = sim.controlUrl() + "/voice/";
    }

    /** {@code GET /_sim/voice/{guild}}: session, DAVE version and epoch, frames, listeners, violations. */
    JsonNode state(long guildId) {
        return send(HttpRequest.newBuilder(URI.create(base + guildId)).build());
    }

    /** {@code POST /_sim/voice/{guild}/listeners}: a member joins the bot's channel and decrypts what it sends. */
    JsonNode addListener(long guildId, long userId) {
        String body = "{\"user_id\":\"" + userId + "\"}";
        return send(HttpRequest.newBuilder(URI.create(base + guildId + "/listeners"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
                    .isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
