package dev.hubcord.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void oldJavasAreRefusedWithASentenceThatSaysWhatToDo() {
        assertThat(Launcher.versionProblem("17", "/usr/lib/jvm/java-17-openjdk-amd64"))
                .startsWith("hubcord needs Java 25 or newer, but this is Java 17 (/usr/lib/jvm/java-17-openjdk-amd64)")
                .contains("JAVA_HOME");
        assertThat(Launcher.versionProblem("1.8", null)).contains("this is Java 1.8.");
        assertThat(Launcher.versionProblem("24", null)).isNotNull();
    }

    @Test
    void java25AndNewerAreAccepted() {
        assertThat(Launcher.versionProblem("25", "/x")).isNull();
        assertThat(Launcher.versionProblem("26", "/x")).isNull();
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("25-ea")).isEqualTo(25);
        assertThat(Launcher.feature("")).isZero();
    }
}
