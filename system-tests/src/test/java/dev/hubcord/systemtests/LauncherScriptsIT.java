package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-service wrappers in {@code bin/}: each finds a JDK 25 by itself, even when {@code JAVA_HOME} and the
 * default {@code java} are older (as on a fresh Debian 12, whose default is 17), and runs its service.
 */
class LauncherScriptsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"hub", "sharder", "commands-worker", "audio-worker", "discord-sim"})
    void eachWrapperFindsAJdk25ItselfAndRunsItsService(String service) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bin").resolve(service).toString(), "--help")
                .redirectErrorStream(true);
        Path oldJava = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        if (Files.isDirectory(oldJava)) {
            // what a user's shell may well have: an older JDK named by JAVA_HOME and first on the PATH
            builder.environment().put("JAVA_HOME", oldJava.toString());
            builder.environment().put("PATH", oldJava.resolve("bin") + ":" + System.getenv("PATH"));
        } else {
            builder.environment().remove("JAVA_HOME");
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).as("the service's own usage text").contains("Usage:").doesNotContain("needs Java 25");
    }
}
