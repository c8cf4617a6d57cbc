package dev.hubcord.hub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code HUB_CACHE_MEMBER_BUDGET}: parsed like the other settings and actually bounding the hub's cache. */
class CacheMemberBudgetTest {

    @Test
    void defaultAndValidation() {
        assertThat(HubConfig.defaults("s").cacheMemberBudget()).isEqualTo(10_000_000L);
        HubConfig big = HubConfig.resolve(Map.of(), Map.of("HUB_CACHE_MEMBER_BUDGET", "5000000000"), Map.of("HUB_SECRET", "s"));
        assertThat(big.cacheMemberBudget()).isEqualTo(5_000_000_000L);
        assertThat(big.withPort(1).cacheMemberBudget()).isEqualTo(5_000_000_000L);
        assertThatThrownBy(() -> HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "HUB_CACHE_MEMBER_BUDGET", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HUB_CACHE_MEMBER_BUDGET");
        assertThatThrownBy(() -> HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s", "HUB_CACHE_MEMBER_BUDGET", "lots")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("allowed 0..10000000000");
        assertThat(Setting.HUB_CACHE_MEMBER_BUDGET.flag()).isEqualTo("--cache-member-budget");
    }

    @Test
    void theHubsCacheStaysWithinTheBudget() {
        try (TestHub hub = TestHub.start(Map.of("HUB_CACHE_MEMBER_BUDGET", "2000"));
                RawClient sharder = RawClient.identified(hub, "sharder")) {
            for (int g = 1; g <= 10; g++) {
                StringBuilder members = new StringBuilder();
                for (int i = 0; i < 500; i++) {
                    long user = g * 100_000L + i;
                    members.append(i == 0 ? "" : ",").append("{\"id\":\"").append(user)
                            .append("\",\"user\":{\"id\":\"").append(user).append("\",\"username\":\"u").append(user).append("\"}}");
                }
                sharder.send(5, null, "{\"type\":\"guild\",\"id\":\"" + g + "\",\"name\":\"g\",\"members\":[" + members + "]}");
            }
            sharder.heartbeat();
            while (sharder.next().get("op").intValue() != 4) {
                // skip other payloads until the ACK that follows the cache payloads
            }
            String metrics = new RestClient(hub).send("GET", "/metrics", null).body();
            long cached = gauge(metrics, "hubcord_cache_size\\{entity=\"member\"}");
            long evicted = gauge(metrics, "hubcord_cache_evictions_total\\{entity=\"member\"}");
            assertThat(cached).isBetween(1_000L, 2_000L);
            assertThat(cached + evicted).isEqualTo(5_000L);
        }
    }

    private static long gauge(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " in /metrics").isTrue();
        return (long) Double.parseDouble(m.group(1));
    }
}
