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
import dev.hubcord.systemtests.harness.SimApi;
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
 * What an operator sees of the system {@code ./run.sh} started (all five services, each one's {@code /metrics} on):
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
    private static int commandsMetricsPort;
    private static int audioMetricsPort;
    private static HubApi hub;

    @BeforeAll
    static void startRunSh() throws Exception {
        hubPort = RunScript.freePortPair();
        sharderMetricsPort = RunScript.freePort();
        commandsMetricsPort = RunScript.freePort();
        audioMetricsPort = RunScript.freePort();
        // JAVA_TOOL_OPTIONS: every JVM run.sh starts is small and quick to start, as the harness's own are; the
        // shared deployment of the other system tests may still be running beside them
        run = RunScript.start("run-operating", hubPort, dir,
                Map.of("SHARDER_HTTP_PORT", Integer.toString(sharderMetricsPort),
                        "COMMANDS_HTTP_PORT", Integer.toString(commandsMetricsPort),
                        "AUDIO_HTTP_PORT", Integer.toString(audioMetricsPort), "SIM_GUILDS", "4",
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
        ping(); // one command, so that commands_total and commands_duration_seconds have a series
        Map<String, Set<String>> scraped = new java.util.LinkedHashMap<>();
        scraped.put("hub", scrape(hubPort));
        scraped.put("sharder", scrape(sharderMetricsPort));
        await("the commands worker counted the command").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> scrape(commandsMetricsPort).contains("commands_total"));
        scraped.put("commands", scrape(commandsMetricsPort));
        scraped.put("audio", scrape(audioMetricsPort));

        assertThat(queried).as("queried names").contains("hub_events_routed_total", "hub_acks_pending",
                "hubcord_cache_size", "hub_rest_requests_seconds_bucket", "sharder_dispatches_total",
                "commands_total", "commands_duration_seconds_bucket", "discord_rest_429_total",
                "audio_opus_encode_seconds_bucket", "audio_voice_connections", "audio_dave_epochs_total");
        Set<String> missing = queried.stream()
                .filter(n -> !n.equals("up") && scraped.values().stream().noneMatch(names -> names.contains(n)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(missing).as("queried by deploy/ but on no process's real /metrics").isEmpty();
        for (Map.Entry<String, Set<String>> service : scraped.entrySet()) {
            String prefix = service.getKey().equals("hub") ? "hub" : service.getKey() + "_";
            assertThat(queried.stream().filter(n -> n.startsWith(prefix)).filter(n -> !service.getValue().contains(n))
                    .toList()).as("%s's metrics are checked against its own scrape", service.getKey()).isEmpty();
            assertThat(service.getValue()).as("JVM metrics on %s", service.getKey())
                    .contains("jvm_memory_used_bytes", "process_cpu_usage");
        }
    }

    private static Set<String> scrape(int port) {
        return PromQl.sampleNames(new Http("http://127.0.0.1:" + port, null).get("/metrics").ok().body());
    }

    /** A user runs /ping through the simulator (run.sh puts it on the hub's port + 1). */
    private static void ping() {
        SimApi sim = new SimApi(hubPort + 1);
        JsonNode guild = sim.guild(sim.guilds().getFirst().path("id").asText() + "?members=5");
        String channel = null;
        for (JsonNode c : guild.path("channels")) {
            if (channel == null && c.path("type").asInt() == 0) {
                channel = c.path("id").asText();
            }
        }
        String user = null;
        for (JsonNode m : guild.path("members")) {
            if (user == null && !m.path("bot").asBoolean()) {
                user = m.path("user_id").asText();
            }
        }
        sim.slash(channel, user, "ping", null);
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
                "HUB_SECRET", RunScript.DEMO_SECRET, "AUDIO_NAME", name, "AUDIO_VOICE_TLS", "false",
                "AUDIO_HTTP_PORT", "-1"); // run.sh's audio worker has the port; this one needs none
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
