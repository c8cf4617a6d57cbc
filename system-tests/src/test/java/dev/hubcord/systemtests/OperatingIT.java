package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hubcord.systemtests.harness.Browser;
import dev.hubcord.systemtests.harness.Http;
import dev.hubcord.systemtests.harness.HubApi;
import dev.hubcord.systemtests.harness.PromQl;
import dev.hubcord.systemtests.harness.RunScript;
import dev.hubcord.systemtests.harness.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What an operator sees of the system {@code ./run.sh} started (all five services, the sharder's {@code /metrics} on):
 * the hub's status page in a real headless Chromium, live as a service joins and leaves, and the metrics that the
 * Grafana dashboard and the alerting rules in {@code deploy/} query.
 */
class OperatingIT {

    private static final Path DEPLOY = RunScript.ROOT.resolve("deploy");

    @TempDir
    static Path dir;
    private static ServiceProcess run;
    private static int hubPort;
    private static int sharderMetricsPort;
    private static HubApi hub;

    @BeforeAll
    static void startRunSh() throws Exception {
        hubPort = RunScript.freePortPair();
        sharderMetricsPort = RunScript.freePort();
        // JAVA_TOOL_OPTIONS: every JVM run.sh starts is small and quick to start, as the harness's own are; the
        // shared deployment of the other system tests may still be running beside them
        run = RunScript.start("run-operating", hubPort, dir,
                Map.of("SHARDER_HTTP_PORT", Integer.toString(sharderMetricsPort), "SIM_GUILDS", "4",
                        "JAVA_TOOL_OPTIONS", "-Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"));
        hub = new HubApi(hubPort, RunScript.DEMO_SECRET);
        run.awaitLine(l -> l.startsWith("running: "), Duration.ofSeconds(120));
        await("the sharder, commands and audio workers connected, every shard ready").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500)).until(() -> hub.connected("sharder") == 1
                        && hub.connected("commands") == 1 && hub.connected("audio") == 1
                        && !hub.shards().isEmpty() && all(hub.shards(), "status", "ready"));
    }

    @AfterAll
    static void stopRunSh() throws Exception {
        if (run != null && run.isAlive()) {
            RunScript.signalGroup("INT", run.pid());
            await("run.sh ends").atMost(Duration.ofSeconds(60)).until(() -> !run.isAlive());
        }
    }

    @Test
    void theStatusPageShowsTheServicesAndFollowsOneLeavingWithoutAReload() {
        assumeThat(Browser.installed() || Browser.required())
                .as("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run installs"
                        + " them) to run the status page in a browser")
                .isTrue();
        try (Browser browser = Browser.start(dir.resolve("chromium-profile"), 412, 915)) { // a phone's viewport
            ChromeDriver page = browser.driver();
            page.get("http://127.0.0.1:" + hubPort + "/status");
            assertThat(page.getTitle()).isEqualTo("hubcord status: sign in");
            page.findElement(By.id("secret")).sendKeys(RunScript.DEMO_SECRET);
            page.findElement(By.cssSelector("button[type=submit]")).click();

            await("the page lists the services run.sh started").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        Map<String, String> s = services(page);
                        return "connected".equals(s.get("sharder")) && "connected".equals(s.get("commands"))
                                && "connected".equals(s.get("audio"));
                    });
            assertThat(page.getTitle()).isEqualTo("hubcord status");
            assertThat(page.findElement(By.id("conn")).getText()).isEqualTo("live");
            int shards = hub.shards().size();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    page.findElement(By.id("sum-shards")).getText()).isEqualTo(shards + " / " + shards));
            assertThat((Long) page.executeScript("return document.querySelectorAll('#shards tr[data-shard]').length"))
                    .isEqualTo(shards);
            assertThat((Long) page.executeScript("return window.innerWidth")).isEqualTo(412);
            assertThat((Long) page.executeScript("return document.documentElement.scrollWidth"))
                    .as("nothing wider than the phone's screen but the tables' own scrolling").isLessThanOrEqualTo(412);
            page.executeScript("window.hubcordMarker = 'the same page'");
            browser.screenshot(Path.of("target", "status-page.png"));

            try (ServiceProcess extra = startAudioWorker("audio-extra")) {
                await("the page shows a service that joins").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> "connected".equals(services(page).get("audio-extra")));
                extra.stop();
            }
            await("the page shows it leave").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"connected".equals(services(page).get("audio-extra")));
            assertThat(page.executeScript("return window.hubcordMarker")).as("updated without a reload")
                    .isEqualTo("the same page");
            assertThat(services(page)).containsEntry("audio", "connected");
            browser.screenshot(Path.of("target", "status-page-after-stop.png"));
        }
    }

    @Test
    void everyMetricTheDashboardAndTheRulesQueryExists() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> queries = new ArrayList<>();
        json.readTree(DEPLOY.resolve("grafana/dashboards/hubcord.json").toFile()).findValues("expr")
                .forEach(e -> queries.add(e.asText()));
        new YAMLMapper().readTree(DEPLOY.resolve("prometheus/rules.yml").toFile()).findValues("expr")
                .forEach(e -> queries.add(e.asText()));
        assertThat(queries).hasSizeGreaterThan(30);
        Set<String> queried = new TreeSet<>();
        queries.forEach(q -> queried.addAll(PromQl.metricNames(q)));

        hub.services(); // one REST request, so that hub_rest_requests_* has a series
        Set<String> hubNames = PromQl.sampleNames(new Http("http://127.0.0.1:" + hubPort, null).get("/metrics").ok().body());
        Set<String> sharderNames = PromQl.sampleNames(
                new Http("http://127.0.0.1:" + sharderMetricsPort, null).get("/metrics").ok().body());
        Map<String, String> expected = new HashMap<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("metrics-expected.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                expected.put(parts[1], parts[0]);
            }
        }
        assertThat(expected.keySet()).as("listed as expected although a real scrape has it: move it out of the list")
                .doesNotContainAnyElementsOf(hubNames).doesNotContainAnyElementsOf(sharderNames);
        assertThat(queried).as("queried names").contains("hub_events_routed_total", "hub_acks_pending",
                "hubcord_cache_size", "hub_rest_requests_seconds_bucket", "sharder_dispatches_total");
        Set<String> missing = queried.stream()
                .filter(n -> !n.equals("up") && !hubNames.contains(n) && !sharderNames.contains(n)
                        && !expected.containsKey(n))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("queried by deploy/ but on no /metrics and not in metrics-expected.txt").isEmpty();
        assertThat(queried.stream().filter(n -> n.startsWith("hub")).filter(n -> !hubNames.contains(n)).toList())
                .as("the hub's metrics are checked against its real scrape only").isEmpty();
    }

    /** The services table as the page shows it now: name → state. One script call, so the rows cannot go stale. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> services(ChromeDriver page) {
        List<String> rows = (List<String>) page.executeScript("return Array.from(document.querySelectorAll("
                + "'#services tr[data-name]')).map(r => r.dataset.name + '=' + r.querySelector('.state').textContent)");
        Map<String, String> out = new HashMap<>();
        for (String row : rows) {
            int eq = row.indexOf('=');
            out.put(row.substring(0, eq), row.substring(eq + 1));
        }
        return out;
    }

    private static ServiceProcess startAudioWorker(String name) {
        Map<String, String> env = Map.of("HUB_URL", "ws://127.0.0.1:" + hubPort + "/ws/v1",
                "HUB_SECRET", RunScript.DEMO_SECRET, "AUDIO_NAME", name, "AUDIO_VOICE_TLS", "false");
        return ServiceProcess.start(name, RunScript.ROOT.resolve("audio-worker/target/audio-worker.jar"), env,
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), List.of(), dir.resolve("logs"));
    }

    private static boolean all(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (!n.path(field).asText().equalsIgnoreCase(value)) {
                return false;
            }
        }
        return true;
    }
}
