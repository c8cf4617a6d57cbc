package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.ApiRouter;
import dev.hubcord.hub.testing.TestHub;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP handler alone, in an EmbeddedChannel. */
class HttpRequestHandlerTest {

    private final HubCore core = new HubCore(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", TestHub.SECRET)));

    @AfterEach
    void close() {
        core.close();
    }

    private FullHttpResponse request(HttpMethod method, String uri, String auth) {
        EmbeddedChannel ch = new EmbeddedChannel(new HttpRequestHandler(core, new ApiRouter(core, null), new RouteTemplates()));
        DefaultFullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri);
        if (auth != null) {
            req.headers().set("Authorization", auth);
        }
        ch.writeInbound(req);
        FullHttpResponse response = ch.readOutbound();
        ch.finishAndReleaseAll();
        return response;
    }

    @Test
    void health() {
        FullHttpResponse r = request(HttpMethod.GET, "/health", null);
        assertThat(r.status().code()).isEqualTo(200);
        assertThat(r.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"ok\"}");
        r.release();
    }

    @Test
    void apiNeedsTheSecret() {
        FullHttpResponse r = request(HttpMethod.GET, "/v1/services", "nope");
        assertThat(r.status().code()).isEqualTo(401);
        r.release();
        FullHttpResponse ok = request(HttpMethod.GET, "/v1/services", TestHub.SECRET);
        assertThat(ok.status().code()).isEqualTo(200);
        assertThat(ok.content().toString(StandardCharsets.UTF_8)).isEqualTo("[]");
        ok.release();
    }

    @Test
    void unknownPathsAre404() {
        FullHttpResponse r = request(HttpMethod.GET, "/favicon.ico", null);
        assertThat(r.status().code()).isEqualTo(404);
        assertThat(r.content().toString(StandardCharsets.UTF_8)).contains("\"code\":\"NOT_FOUND\"");
        r.release();
    }

    @Test
    void queriesAndEscapedPathsAreDecodedLikePlainOnes() {
        for (String uri : new String[] {"/v1/services?verbose=1", "/v1/%73ervices", "/v1/services#top"}) {
            FullHttpResponse r = request(HttpMethod.GET, uri, TestHub.SECRET);
            assertThat(r.status().code()).as(uri).isEqualTo(200);
            assertThat(r.content().toString(StandardCharsets.UTF_8)).as(uri).isEqualTo("[]");
            r.release();
        }
    }

    @Test
    void aBadPercentEscapeIsA400() {
        // Regression (fuzzing): in the query it was a 500 with a stack trace, in the path no answer at all.
        for (String uri : new String[] {"/v1/discord/guilds/1/roles?x=%zz", "/v1/%zz", "/health?%"}) {
            FullHttpResponse r = request(HttpMethod.GET, uri, TestHub.SECRET);
            assertThat(r).as(uri).isNotNull();
            assertThat(r.status().code()).as(uri).isEqualTo(400);
            assertThat(r.content().toString(StandardCharsets.UTF_8)).as(uri).contains("\"code\":\"BAD_REQUEST\"");
            r.release();
        }
    }
}
