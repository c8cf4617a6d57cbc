package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.systemtests.harness.HubApi;
import dev.hubcord.systemtests.harness.RunScript;
import dev.hubcord.systemtests.harness.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: {@code ./run.sh} and {@code java -jar} with whatever Java they have. */
class RunScriptIT {

    private static final Path ROOT = RunScript.ROOT;

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsEveryServiceAndKeepsTheirShutdownLines() throws Exception {
        int hubPort = RunScript.freePortPair();
        try (ServiceProcess run = runScript("run-ctrl-c", hubPort, "hub", "sim")) {
            HubApi hub = new HubApi(hubPort, "hubcord-demo-secret");
            await("the hub up").atMost(Duration.ofSeconds(60)).until(hub::healthy);
            run.awaitLine(l -> l.startsWith("running: "), Duration.ofSeconds(60));
            // a terminal's Ctrl-C: SIGINT to the script's whole foreground process group
            RunScript.signalGroup("INT", run.pid());
            await("run.sh ends").atMost(Duration.ofSeconds(30)).until(() -> !run.isAlive());
            assertThat(run.output()).contains("[hub] ").contains("hub stopped").contains("stopping sim");
            assertThat(run.output().indexOf("stopping sim")).isLessThan(run.output().indexOf("stopping hub"));
            assertThat(run.output()).containsPattern("(?m)^sim exited with code \\d+$")
                    .containsPattern("(?m)^hub exited with code \\d+$");
            assertThat(dir.resolve("logs/hub.log")).content().contains("hub stopped").doesNotContain("[hub]");
            assertThat(run.output()).as("no colours when the output is not a terminal").doesNotContain("\u001b[");
            assertThat(hub.healthy()).isFalse();
        }
    }

    @Test
    void whenAServiceDiesRunShSaysWhichAndStopsTheOthers() throws Exception {
        int hubPort = RunScript.freePortPair();
        try (ServiceProcess run = runScript("run-died", hubPort, "hub", "sim")) {
            HubApi hub = new HubApi(hubPort, "hubcord-demo-secret");
            await("the hub up").atMost(Duration.ofSeconds(60)).until(hub::healthy);
            run.awaitLine(l -> l.startsWith("running: "), Duration.ofSeconds(60));
            ProcessHandle sim = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("discord-sim.jar")
                            && p.info().commandLine().orElse("").contains("--port " + (hubPort + 1)))
                    .findFirst().orElseThrow();
            sim.destroyForcibly();
            await("run.sh ends").atMost(Duration.ofSeconds(30)).until(() -> !run.isAlive());
            assertThat(run.output()).contains("sim exited with code 137; stopping the others (its log: " + dir + "/logs/sim.log)").contains("hub stopped");
        }
    }

    @Test
    void anOldJavaIsToldThatHubcordNeedsJava25() throws Exception {
        Path oldJava = olderJava();
        assumeThat(oldJava).as("a Java older than 25 on this machine (Debian's default is 17)").isNotNull();
        Process p = new ProcessBuilder(oldJava.toString(), "-jar", ROOT.resolve("hub/target/hub.jar").toString(),
                "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(out.strip()).startsWith("hubcord needs Java 25 or newer, but this is Java ")
                .doesNotContain("UnsupportedClassVersionError").hasLineCount(1);
    }

    private ServiceProcess runScript(String name, int hubPort, String... services) {
        return RunScript.start(name, hubPort, dir, Map.of(), services);
    }

    private static Path olderJava() throws IOException {
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> p.getFileName().toString().matches("java-(8|11|17|21)-openjdk.*"))
                    .map(p -> p.resolve("bin/java")).filter(Files::isExecutable).findFirst().orElse(null);
        }
    }
}
