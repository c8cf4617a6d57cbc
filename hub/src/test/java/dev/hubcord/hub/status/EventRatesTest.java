package dev.hubcord.hub.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRatesTest {

    @Test
    void measuresEachEventTypeOverAtLeastASecondAndSharesTheAnswerWithinIt() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Counter messages = Counter.builder("hub_events_routed").tag("event", "MESSAGE_CREATE").register(registry);
        Counter.builder("hub_events_routed").tag("event", "TRACK_START").register(registry);
        EventRates rates = new EventRates(registry);
        long t0 = System.nanoTime();

        assertThat(rates.sample(t0 + 500_000_000L)).isEqualTo(new EventRates.Rates(0, Map.of()));

        messages.increment(10);
        EventRates.Rates first = rates.sample(t0 + 2_000_000_000L);
        assertThat(first.intervalMs()).isBetween(1_999L, 2_000L);
        assertThat(first.perSecond()).containsOnlyKeys("MESSAGE_CREATE");
        assertThat(first.perSecond().get("MESSAGE_CREATE")).isCloseTo(5.0, org.assertj.core.data.Offset.offset(0.01));

        messages.increment(100);
        assertThat(rates.sample(t0 + 2_500_000_000L)).as("under a second later: the same answer").isSameAs(first);
        EventRates.Rates second = rates.sample(t0 + 4_000_000_000L);
        assertThat(second.perSecond().get("MESSAGE_CREATE")).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.1));

        assertThat(rates.sample(t0 + 6_000_000_000L).perSecond()).as("nothing routed: no entries").isEmpty();
    }
}
