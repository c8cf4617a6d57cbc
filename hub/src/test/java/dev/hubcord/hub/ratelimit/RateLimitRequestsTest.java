package dev.hubcord.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.core.CloseException;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.protocol.codec.Json;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code RATELIMIT_ACQUIRE}'s {@code recent} as it arrives on the wire: bounds, and what a malformed one costs. */
class RateLimitRequestsTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(100));
    private final RateLimitRequests requests = new RateLimitRequests(
            new RateLimitCoordinator(new RateLimitCoordinator.Settings(3, 9_000, 10, 2_000, 100, 100), now::get),
            new HubMetrics(new SessionRegistry()));

    private ObjectNode acquire(int... recent) {
        ObjectNode d = Json.mapper().createObjectNode().put("nonce", "n").put("route", "GET /gateway")
                .put("major", "global").put("global", true);
        ArrayNode a = d.putArray("recent");
        for (int r : recent) {
            a.add(r);
        }
        return d;
    }

    @Test
    void recentSendsWithinTheWindowTakeGlobalRoomAndOthersAreDropped() {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_100)); // past the hub's first window
        // two within the window; -1 and 5,000 are outside 0-1,000 and ignored
        Map<String, Object> first = requests.acquire("s", acquire(0, 500, -1, 5_000));
        assertThat(first.get("granted")).as("the third of 3 in the window").isEqualTo(true);
        requests.update(Json.mapper().createObjectNode().put("route", "GET /gateway").put("major", "global")
                .put("status", 200).put("permit", (Long) first.get("permit")));
        Map<String, Object> second = requests.acquire("s", acquire());
        assertThat(second.get("granted")).isEqualTo(false);
        assertThat(second.get("reason")).isEqualTo("global");
    }

    @Test
    void aRecentThatIsNotABoundedArrayOfIntegersClosesTheConnection() {
        ObjectNode tooMany = acquire(new int[RateLimitRequests.MAX_RECENT + 1]);
        assertThatThrownBy(() -> requests.acquire("s", tooMany)).isInstanceOf(CloseException.class)
                .hasMessageContaining("recent");
        ObjectNode text = acquire();
        text.withArray("recent").add("soon");
        assertThatThrownBy(() -> requests.acquire("s", text)).isInstanceOf(CloseException.class);
        ObjectNode notArray = acquire();
        notArray.put("recent", 3);
        assertThatThrownBy(() -> requests.acquire("s", notArray)).isInstanceOf(CloseException.class);
    }
}
