package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.DiscordCache;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.ApiRouter;
import dev.hubcord.hub.rest.discord.DiscordApi;
import dev.hubcord.hub.testing.TestHub;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz target for the hub's REST paths and query strings: a request line reaches the HTTP handler
 * (percent-decoding, query parsing, the {@code /v1} router, the Discord cache routes with their ID
 * and limit parsing, the metrics route templates). The documented behaviour is exactly one answer
 * per request with a contract status (200, 204, 400, 401, 404, 405) and a JSON body; a 500, no
 * answer, or any exception is a finding. Input: the first byte picks the method, the rest is the URI.
 */
class RestFuzzTest {

    private static final HttpMethod[] METHODS = {HttpMethod.GET, HttpMethod.DELETE, HttpMethod.POST, HttpMethod.PUT};
    private static final Set<Integer> CONTRACT_STATUSES = Set.of(200, 204, 400, 401, 404, 405);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HubCore CORE =
            new HubCore(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", TestHub.SECRET)));
    /** One per run, as one per server: it must stay bounded however many paths it sees. */
    private static final RouteTemplates ROUTES = new RouteTemplates();
    private static final byte[] GUILD = """
            {"type":"guild","id":"1","name":"g","ownerID":"2","roles":[{"id":"1","name":"@everyone","permissions":"8"}],
             "channels":[{"id":"3","type":2,"position":0,"name":"v"}],
             "members":[{"id":"2","roles":[],"user":{"id":"2","username":"alice","discriminator":"0"}}],
             "voiceStates":[{"userID":"2","channelID":"3"}]}""".getBytes(StandardCharsets.UTF_8);

    @AfterAll
    static void close() {
        CORE.close();
    }

    @FuzzTest
    void requestLine(byte[] data) throws Exception {
        if (data.length == 0) {
            return;
        }
        HttpMethod method = METHODS[(data[0] & 0xFF) % METHODS.length];
        String uri = new String(Arrays.copyOfRange(data, 1, data.length), StandardCharsets.UTF_8);
        // A fresh cache each time: DELETEs must not make one input's answer depend on the ones before.
        DiscordCache cache = new DiscordCache(new CacheConfig(64, 16, 4, Clock.systemUTC()));
        cache.apply(GUILD);
        EmbeddedChannel ch = new EmbeddedChannel(
                new HttpRequestHandler(CORE, new ApiRouter(CORE, new DiscordApi(cache)), ROUTES));
        DefaultFullHttpRequest request;
        try {
            request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        } catch (IllegalArgumentException notARequestLine) {
            return; // e.g. a line break: Netty's request decoder would never produce this URI
        }
        request.headers().set("Authorization", TestHub.SECRET);
        ch.writeInbound(request);
        FullHttpResponse response = ch.readOutbound();
        try {
            assertThat(response).as("an answer to %s %s", method, uri).isNotNull();
            assertThat((Object) ch.readOutbound()).isNull();
            int status = response.status().code();
            assertThat(CONTRACT_STATUSES).as("status of %s %s", method, uri).contains(status);
            String type = response.headers().get("Content-Type");
            if (type != null && type.contains("json")) {
                MAPPER.readTree(response.content().toString(StandardCharsets.UTF_8));
            }
            assertThat(ROUTES.size()).isLessThanOrEqualTo(RouteTemplates.MAX_TEMPLATES);
        } finally {
            if (response != null) {
                response.release();
            }
            ch.finishAndReleaseAll();
        }
    }
}
