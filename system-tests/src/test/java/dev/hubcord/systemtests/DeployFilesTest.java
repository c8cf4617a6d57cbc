package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hubcord.systemtests.harness.PromQl;
import dev.hubcord.systemtests.harness.RunScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ checked offline: no container engine runs where the build does, so compose.yaml, the Dockerfile, the
 * Prometheus and Grafana files and the systemd units are read and cross-checked here (and the units verified by
 * {@code systemd-analyze} where it exists). Whether the metrics they query exist is {@code OperatingIT}'s part.
 */
class DeployFilesTest {

    private static final Path DEPLOY = RunScript.ROOT.resolve("deploy");
    private static final YAMLMapper YAML = new YAMLMapper();
    /** The hubcord services of compose.yaml and the port of each one's /ready (the simulator's health page aside). */
    private static final Map<String, String> READY_PORTS = Map.of("hub", "3282", "sharder", "9101", "commands",
            "9102", "audio", "9103");

    @Test
    void composeStartsTheDemoWithHealthChecksOnReadyAndMountsFilesThatExist() throws Exception {
        // SnakeYAML itself, not Jackson's YAML parser: compose.yaml uses merge keys (<<: *anchor), which only it resolves
        Object loaded = new org.yaml.snakeyaml.Yaml().load(Files.readString(DEPLOY.resolve("compose.yaml")));
        JsonNode compose = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(loaded);
        JsonNode services = compose.get("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("hub", "sim", "sharder", "commands", "audio", "prometheus",
                "grafana");
        assertThat(services.get("hub").get("build").get("dockerfile").asText()).isEqualTo("deploy/Dockerfile");
        assertThat(DEPLOY.resolve(services.get("hub").get("build").get("context").asText()).resolve("deploy/Dockerfile"))
                .isRegularFile();
        READY_PORTS.forEach((service, port) -> {
            JsonNode test = services.get(service).get("healthcheck").get("test");
            assertThat(test).as(service).hasSize(4);
            assertThat(List.of(test.get(1).asText(), test.get(2).asText(), test.get(3).asText())).as(service)
                    .containsExactly("/opt/hubcord/hubcord-service.sh", "ready", port);
            assertThat(services.get(service).get("command").get(0).asText()).isEqualTo(service);
        });
        List<String> ports = new ArrayList<>();
        services.get("hub").get("ports").forEach(p -> ports.add(p.asText()));
        assertThat(ports).containsExactlyInAnyOrder("3282:3282", "9090:9090", "3000:3000");
        for (String service : names) {
            if (!service.equals("hub")) {
                assertThat(services.get(service).get("network_mode").asText()).as(service).isEqualTo("service:hub");
            }
            JsonNode volumes = services.get(service).get("volumes");
            if (volumes != null) {
                for (JsonNode v : volumes) {
                    String source = v.asText().split(":")[0];
                    if (source.startsWith("./")) {
                        assertThat(DEPLOY.resolve(source)).as(service + " mounts " + source).exists();
                    }
                }
            }
        }
    }

    @Test
    void theImageCopiesTheJarsTheBuildMakesAndTheContextLetsThemThrough() throws Exception {
        String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
        Set<String> allowed = new java.util.HashSet<>();
        for (String line : Files.readAllLines(DEPLOY.resolve("Dockerfile.dockerignore"))) {
            if (line.startsWith("!")) {
                allowed.add(line.substring(1));
            }
        }
        Matcher copy = Pattern.compile("(?m)^COPY ((?:[^\\n\\\\]|\\\\\\n)+)").matcher(dockerfile);
        int copied = 0;
        while (copy.find()) {
            String[] words = copy.group(1).replace("\\\n", " ").trim().split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                assertThat(allowed).as("the build context lets " + words[i] + " through").contains(words[i]);
                copied++;
            }
        }
        assertThat(copied).isEqualTo(7);
        // the entry point knows every service compose.yaml runs
        String entry = Files.readString(DEPLOY.resolve("hubcord-service.sh"));
        for (String service : List.of("hub", "sim", "sharder", "commands", "audio", "ready")) {
            assertThat(entry).contains("    " + service + ")");
        }
        assertThat(DEPLOY.resolve("hubcord-service.sh")).isExecutable();
    }

    @Test
    void prometheusScrapesEveryServiceWhereComposeChecksItAndGrafanaGetsTheDashboard() throws Exception {
        JsonNode prometheus = YAML.readTree(DEPLOY.resolve("prometheus/prometheus.yml").toFile());
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : prometheus.get("scrape_configs")) {
            targets.put(job.get("job_name").asText(), job.get("static_configs").get(0).get("targets").get(0).asText());
        }
        READY_PORTS.forEach((service, port) -> assertThat(targets).containsEntry(service, "127.0.0.1:" + port));
        assertThat(prometheus.get("rule_files").get(0).asText()).isEqualTo("/etc/prometheus/rules.yml");
        JsonNode rules = YAML.readTree(DEPLOY.resolve("prometheus/rules.yml").toFile());
        assertThat(rules.findValues("alert")).hasSizeGreaterThanOrEqualTo(5);

        JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(DEPLOY.resolve("grafana/dashboards/hubcord.json").toFile());
        assertThat(dashboard.get("uid").asText()).isEqualTo("hubcord");
        List<String> rows = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("type").asText().equals("row")) {
                rows.add(panel.get("title").asText().split(":")[0]);
            } else {
                assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
                assertThat(panel.get("datasource").get("uid").asText()).isEqualTo("prometheus");
            }
        }
        assertThat(rows).containsExactly("Hub", "Hub", "Sharder", "Commands worker", "Audio worker",
                "JVM and process (every service)");
        JsonNode datasources = YAML.readTree(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml").toFile());
        assertThat(datasources.get("datasources").get(0).get("uid").asText()).isEqualTo("prometheus");
        JsonNode providers = YAML.readTree(DEPLOY.resolve("grafana/provisioning/dashboards/hubcord.yml").toFile());
        assertThat(providers.get("providers").get(0).get("options").get("path").asText())
                .isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void promQlNamesAreFoundWithoutLabelsFunctionsOrGroupings() {
        assertThat(PromQl.metricNames("histogram_quantile(0.99, sum by (route, le) "
                + "(rate(hub_rest_requests_seconds_bucket{job=\"hub\"}[5m])))"))
                .containsExactly("hub_rest_requests_seconds_bucket");
        assertThat(PromQl.metricNames("hub_acks_pending > 5000 and on (instance) up == 1"))
                .containsExactly("hub_acks_pending", "up");
        assertThat(PromQl.sampleNames("# HELP x\nhub_sessions{type=\"audio\"} 1.0\nhub_acks_pending 0.0\n"))
                .containsExactly("hub_acks_pending", "hub_sessions");
    }

    @Test
    void theSystemdUnitsRunTheJarsAndPassSystemdAnalyze(@TempDir Path tmp) throws Exception {
        List<Path> units;
        try (var files = Files.list(DEPLOY.resolve("systemd"))) {
            units = files.filter(f -> f.toString().endsWith(".service")).sorted().toList();
        }
        assertThat(units).extracting(u -> u.getFileName().toString()).containsExactly("hubcord-audio.service",
                "hubcord-commands.service", "hubcord-hub.service", "hubcord-sharder.service");
        Map<String, String> jars = Map.of("hub", "hub.jar", "sharder", "sharder.jar", "commands",
                "commands-worker.jar", "audio", "audio-worker.jar");
        for (Path unit : units) {
            String text = Files.readString(unit);
            String service = unit.getFileName().toString().replace("hubcord-", "").replace(".service", "");
            assertThat(text).contains("-jar /opt/hubcord/" + jars.get(service))
                    .contains("EnvironmentFile=/etc/hubcord/" + service + ".env");
            // the JDK the unit names is not on this machine: verify a copy that runs an existing binary instead
            Files.writeString(tmp.resolve(unit.getFileName()), text.replace("/opt/hubcord/jdk/bin/java", "/usr/bin/env"));
        }
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (!Files.isExecutable(analyze)) {
            System.out.println("DeployFilesTest: no systemd-analyze here, the units' syntax is not verified");
            return;
        }
        List<String> command = new ArrayList<>(List.of(analyze.toString(), "verify"));
        units.forEach(u -> command.add(tmp.resolve(u.getFileName()).toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).as("systemd-analyze's complaints").isBlank();
    }
}
