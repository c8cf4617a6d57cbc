package dev.hubcord.hub.rest.discord;

import static dev.hubcord.hub.rest.discord.CacheFeed.member;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A member search too long for the event loop's budget (6,000 members whose names all start with
 * the query's first two letters, so the name-prefix keys cannot skip them) is answered by the
 * search workers: the same answer, and on a pipelined connection in request order.
 */
class SlowSearchTest {

    static final long G = 7000;
    static final int MEMBERS = 6_000;

    private static TestHub hub;
    private static CacheFeed feed;
    private static RestClient rest;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
        rest = new RestClient(hub);
        feed = new CacheFeed(hub);
        feed.push("{\"type\":\"guild\",\"id\":\"" + G + "\",\"name\":\"slow\",\"ownerID\":\"1\"}");
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            batch.add(member(G, 100_000 + i, "user" + i, null, ""));
            if (batch.size() == 2_000) {
                feed.push(batch.toArray(String[]::new));
                batch.clear();
            }
        }
    }

    @AfterAll
    static void stop() {
        feed.close();
        hub.close();
    }

    @Test
    void aSearchOverTheBudgetGetsTheSameAnswerFromAWorker() {
        String path = "/v1/discord/guilds/" + G + "/members";
        assertThat(rest.get(path + "?query=usx").json()).as("every member looked up, none matches").isEmpty();
        RestClient.Answer last = rest.get(path + "?query=USER5999");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json()).hasSize(1);
        assertThat(last.json().get(0).at("/user/username").asText()).isEqualTo("user5999");
        assertThat(rest.get(path + "?query=user&limit=1000").json()).as("within the budget, inline").hasSize(1000);
        assertThat(rest.get("/v1/discord/guilds/7001/members?query=usx").status()).isEqualTo(404);
    }

    @Test
    void pipelinedRequestsBehindASlowSearchAreAnsweredInOrder() throws IOException {
        String search = "GET /v1/discord/guilds/" + G + "/members?query=user1999 HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + TestHub.SECRET + "\r\n\r\n";
        String slow = "GET /v1/discord/guilds/" + G + "/members?query=usx HTTP/1.1\r\nHost: x\r\nAuthorization: "
                + TestHub.SECRET + "\r\n\r\n";
        String health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Socket s = new Socket("127.0.0.1", hub.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write((slow + health + search + health).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            assertThat(body(in)).isEqualTo("[]");
            assertThat(body(in)).contains("\"ok\"");
            assertThat(body(in)).contains("\"user1999\"");
            assertThat(body(in)).contains("\"ok\"");
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length and returns its body. */
    private static String body(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in a response head: " + head);
            }
            head.write(b);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
