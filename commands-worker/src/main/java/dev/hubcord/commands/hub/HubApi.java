package dev.hubcord.commands.hub;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;

/**
 * A blocking client for the hub's REST API ({@code Authorization: <secret>}). A 404 is an empty answer
 * ({@code Optional.empty()}, an empty list); anything else that is not 200 is a {@link HubApiException}.
 */
public final class HubApi implements AutoCloseable {

    private final URI base;
    private final String secret;
    private final Duration timeout;
    private final HttpClient http;

    public HubApi(URI base, String secret, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    public Optional<HubMember> member(String guildId, String userId) {
        return get("/v1/discord/guilds/" + guildId + "/members/" + userId).map(n -> convert(n, HubMember.class));
    }

    /** Members whose username, global name or nickname starts with {@code query}, or whose tag is {@code query}. */
    public List<HubMember> searchMembers(String guildId, String query, int limit) {
        return list("/v1/discord/guilds/" + guildId + "/members?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + limit, HubMember.class);
    }

    /** The member's permissions in the channel (or guild-wide when {@code channelId} is null); empty when unknown. */
    public OptionalLong permissions(String guildId, String userId, String channelId) {
        Optional<JsonNode> body = get("/v1/discord/guilds/" + guildId + "/members/" + userId + "/permissions"
                + (channelId == null ? "" : "?channel=" + channelId));
        if (body.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseUnsignedLong(body.get().path("permissions").asText()));
        } catch (NumberFormatException e) {
            throw new HubApiException(HubApiException.Kind.BAD_BODY, "permissions is not a number: " + body.get(), e);
        }
    }

    public Optional<HubGuild> guild(String guildId) {
        return get("/v1/discord/guilds/" + guildId).map(n -> convert(n, HubGuild.class));
    }

    public List<HubChannel> channels(String guildId) {
        return list("/v1/discord/guilds/" + guildId + "/channels", HubChannel.class);
    }

    public List<HubRole> roles(String guildId) {
        return list("/v1/discord/guilds/" + guildId + "/roles", HubRole.class);
    }

    public Optional<HubUser> user(String userId) {
        return get("/v1/discord/users/" + userId).map(n -> convert(n, HubUser.class));
    }

    public Optional<HubVoiceState> voiceState(String guildId, String userId) {
        return get("/v1/discord/guilds/" + guildId + "/voicestates/" + userId)
                .map(n -> convert(n, HubVoiceState.class));
    }

    /** Round trip of {@code GET /health} in milliseconds. */
    public long ping() {
        long start = System.nanoTime();
        send("/health");
        return (System.nanoTime() - start) / 1_000_000;
    }

    private <T> List<T> list(String path, Class<T> type) {
        Optional<JsonNode> body = get(path);
        if (body.isEmpty()) {
            return List.of();
        }
        JavaType listType = Json.mapper().getTypeFactory().constructCollectionType(List.class, type);
        try {
            return Json.mapper().convertValue(body.get(), listType);
        } catch (IllegalArgumentException e) {
            throw new HubApiException(HubApiException.Kind.BAD_BODY, path + ": unexpected body", e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new HubApiException(HubApiException.Kind.BAD_BODY, "unexpected " + type.getSimpleName() + ": " + node,
                    e);
        }
    }

    private Optional<JsonNode> get(String path) {
        HttpResponse<byte[]> r = send(path);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new HubApiException(HubApiException.Kind.ERROR_STATUS,
                    "hub answered " + r.statusCode() + " for " + path + ": " + new String(r.body(),
                            StandardCharsets.UTF_8), null);
        }
        try {
            return Optional.of(Json.mapper().readTree(r.body()));
        } catch (IOException e) {
            throw new HubApiException(HubApiException.Kind.BAD_BODY, path + ": body is not JSON", e);
        }
    }

    private HttpResponse<byte[]> send(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", secret).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new HubApiException(HubApiException.Kind.UNAVAILABLE, "hub REST unreachable at " + base + ": " + e,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubApiException(HubApiException.Kind.INTERRUPTED, "interrupted", e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
