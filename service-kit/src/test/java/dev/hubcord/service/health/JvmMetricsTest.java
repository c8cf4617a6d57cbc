package dev.hubcord.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The metric names dashboards rely on ({@link JvmMetrics#NAMES}) are what a bound registry shows. */
class JvmMetricsTest {

    @Test
    void everyListedNameIsScraped() {
        String scrape = JvmMetrics.bind(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)).scrape();
        Set<String> names = scrape.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        assertThat(names).containsAll(JvmMetrics.NAMES);
    }
}
