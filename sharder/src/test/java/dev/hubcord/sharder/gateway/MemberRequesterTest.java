package dev.hubcord.sharder.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.metrics.SharderMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The member requester's own rules on a frozen event loop: the in-flight bound, completion by nonce and
 * {@code chunk_count}, RATE_LIMITED retries, timeouts, waiting for budget, and a fresh session starting over.
 */
class MemberRequesterTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final SharderMetrics metrics = new SharderMetrics();
    private final List<JsonNode> sent = new ArrayList<>();
    private long budgetWaitNanos;
    private MemberRequester requester;

    @BeforeEach
    void start() {
        channel.freezeTime();
        requester = new MemberRequester(3, new MemberRequestOptions(MemberRequestOptions.Mode.SMALL, 1000, 2, 5_000),
                channel.eventLoop(), this::send, metrics);
    }

    @AfterEach
    void stop() {
        channel.finishAndReleaseAll();
    }

    private long send(byte[] json) {
        if (budgetWaitNanos != 0) {
            return budgetWaitNanos;
        }
        try {
            sent.add(Json.mapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return 0;
    }

    private void guildCreate(long id, int members) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("id", Long.toString(id));
        d.put("member_count", members);
        requester.onDispatch("GUILD_CREATE", d);
    }

    private String nonceOf(long guild) {
        return sent.stream().filter(p -> p.at("/d/guild_id").asText().equals(Long.toString(guild))).reduce((a, b) -> b)
                .orElseThrow().at("/d/nonce").asText();
    }

    private void chunk(long guild, int index, int count) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("guild_id", Long.toString(guild));
        d.putArray("members").addObject().putObject("user").put("id", "5");
        d.put("chunk_index", index);
        d.put("chunk_count", count);
        d.put("nonce", nonceOf(guild));
        requester.onDispatch("GUILD_MEMBERS_CHUNK", d);
    }

    private void later(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void atMostInFlightRequestsUntilTheirLastChunkArrives() {
        for (long g = 1; g <= 4; g++) {
            guildCreate(g, 10);
        }
        guildCreate(5, 5_000); // over SMALL's 1000: never requested
        assertThat(sent).hasSize(2);
        assertThat(sent.getFirst().path("op").asInt()).isEqualTo(8);
        assertThat(sent.getFirst().at("/d/query").asText("x")).isEmpty();
        assertThat(sent.getFirst().at("/d/limit").asInt(-1)).isZero();
        assertThat(requester.outstanding()).isEqualTo(4);

        chunk(1, 0, 2);
        assertThat(sent).as("one chunk of two: still in flight").hasSize(2);
        chunk(1, 1, 2);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(2).at("/d/guild_id").asText()).isEqualTo("3");
        guildCreate(2, 10);
        assertThat(sent).as("a guild is requested once per session").hasSize(3);
        assertThat(metrics.membersReceived()).isEqualTo(2);
    }

    @Test
    void aRateLimitedRequestIsSentAgainAfterRetryAfter() {
        guildCreate(7, 10);
        ObjectNode limited = Json.mapper().createObjectNode();
        limited.put("opcode", 8);
        limited.put("retry_after", 2.5);
        limited.putObject("meta").put("guild_id", "7").put("nonce", nonceOf(7));
        requester.onDispatch("RATE_LIMITED", limited);
        assertThat(metrics.memberRequestsRateLimited()).isEqualTo(1);
        later(2_500);
        assertThat(sent).as("not before retry_after plus the margin").hasSize(1);
        later(200);
        assertThat(sent).hasSize(2);
        assertThat(nonceOf(7)).isNotEqualTo(sent.getFirst().at("/d/nonce").asText());
    }

    @Test
    void anUnansweredRequestTimesOutAndFreesItsSlot() {
        for (long g = 1; g <= 3; g++) {
            guildCreate(g, 10);
        }
        assertThat(sent).hasSize(2);
        later(5_001);
        assertThat(sent).hasSize(3);
        assertThat(metrics.scrape()).contains("sharder_member_requests_timed_out_total 2.0");
    }

    @Test
    void waitsForBudgetThenSends() {
        budgetWaitNanos = TimeUnit.SECONDS.toNanos(3);
        guildCreate(1, 10);
        assertThat(sent).isEmpty();
        budgetWaitNanos = 0;
        later(3_000);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aFreshSessionForgetsAndRequestsAgainWhileUnavailableAndDeletedGuildsAreSkipped() {
        guildCreate(1, 10);
        requester.onDispatch("READY", Json.mapper().createObjectNode());
        assertThat(requester.outstanding()).isZero();
        guildCreate(1, 10);
        assertThat(sent).hasSize(2);

        ObjectNode unavailable = Json.mapper().createObjectNode().put("id", "9").put("unavailable", true);
        requester.onDispatch("GUILD_CREATE", unavailable);
        guildCreate(2, 10);
        guildCreate(3, 10);
        requester.onDispatch("GUILD_DELETE", Json.mapper().createObjectNode().put("id", "3"));
        chunk(1, 0, 1);
        chunk(2, 0, 1);
        assertThat(sent.stream().map(p -> p.at("/d/guild_id").asText())).containsExactly("1", "1", "2");
        assertThat(requester.outstanding()).isZero();
    }
}
