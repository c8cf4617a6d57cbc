package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.systemtests.harness.HubApi;
import dev.hubcord.systemtests.harness.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user meets first: {@code ./run.sh} and {@code java -jar} with whatever Java they have. */
class RunScriptIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void ctrlCStopsEveryServiceAndKeepsTheirShutdownLines() throws Exception {
        int hubPort = freePort();
        try (ServiceProcess run = runScript("run-ctrl-c", hubPort, "hub", "sim")) {
            HubApi hub = new HubApi(hubPort, "hubcord-demo-secret");
            await("the hub up").atMost(Duration.ofSeconds(60)).until(hub::healthy);
            run.awaitLine(l -> l.startsWith("running: "), Duration.ofSeconds(60));
            // a terminal's Ctrl-C: SIGINT to the script's whole foreground process group
            signalGroup("INT", run.pid());
            await("run.sh ends").atMost(Duration.ofSeconds(30)).until(() -> !run.isAlive());
            assertThat(run.output()).contains("[hub] ").contains("hub stopped").contains("stopping sim");
            assertThat(run.output().indexOf("stopping sim")).isLessThan(run.output().indexOf("stopping hub"));
            assertThat(hub.healthy()).isFalse();
        }
    }

    @Test
    void whenAServiceDiesRunShSaysWhichAndStopsTheOthers() throws Exception {
        int hubPort = freePort();
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
            assertThat(run.output()).contains("sim exited with code 137; stopping the others").contains("hub stopped");
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
        List<String> args = Stream.concat(Stream.of("setsid", "bash", ROOT.resolve("run.sh").toString()),
                Stream.of(services)).toList();
        Map<String, String> env = Map.of("HUB_PORT", Integer.toString(hubPort), "SIM_PORT",
                Integer.toString(hubPort + 1), "RUN_DIR", dir.toString(), "JAVA_HOME", System.getProperty("java.home"));
        return ServiceProcess.startCommand(name, args, env, dir.resolve("logs"));
    }

    private static void signalGroup(String signal, long pgid) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, "--", "-" + pgid).start().waitFor()).isZero();
    }

    private static Path olderJava() throws IOException {
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(p -> p.getFileName().toString().matches("java-(8|11|17|21)-openjdk.*"))
                    .map(p -> p.resolve("bin/java")).filter(Files::isExecutable).findFirst().orElse(null);
        }
    }

    private static int freePort() throws IOException {
        // two consecutive free ports: the hub's and the simulator's
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            try (ServerSocket s = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two consecutive free ports");
    }
}
