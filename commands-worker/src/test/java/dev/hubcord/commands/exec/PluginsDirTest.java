package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot author's module in a jar of its own, found in COMMANDS_PLUGINS_DIR with ServiceLoader. */
class PluginsDirTest {

    @TempDir
    Path dir;

    @Test
    void aModuleJarInThePluginsDirectoryBringsItsCommandsAndHandlers() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        buildModuleJar(plugins.resolve("greetings.jar"));
        try (World world = World.start(dir);
                CommandsWorker worker = world.startWorker(new MutableClock(),
                        Map.of("COMMANDS_PLUGINS_DIR", plugins.toString()))) {
            assertThat(worker.registry().find("greet")).isPresent();
            assertThat(worker.registry().component("wave")).isPresent();
            String id = world.command(world.general, world.plain, "greet", "");
            assertThat(world.awaitReply(world.general, id)).isEqualTo("Hello from a module jar!");
        }
    }

    @Test
    void aMissingPluginsDirectoryIsAStartUpError() {
        assertThatThrownBy(() -> PluginLoader.withPlugins(getClass().getClassLoader(), dir.resolve("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("COMMANDS_PLUGINS_DIR");
    }

    private void buildModuleJar(Path jar) throws IOException {
        Path src = dir.resolve("src/example/Greetings.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package example;

                import dev.hubcord.commands.api.*;
                import dev.hubcord.commands.components.ComponentHandler;
                import dev.hubcord.commands.interactions.Reply;
                import java.util.List;

                public final class Greetings implements CommandModule {
                    @Override
                    public List<Command> commands() {
                        return List.of(new Command() {
                            public CommandSpec spec() {
                                return CommandSpec.builder("greet").description("Greets.").build();
                            }

                            public void execute(CommandContext ctx) {
                                ctx.reply("Hello from a module jar!");
                            }
                        });
                    }

                    @Override
                    public List<ComponentHandler> components() {
                        return List.of(ComponentHandler.of("wave", ctx -> ctx.update(Reply.text("waved"))));
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertThat(rc).isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            try (var files = Files.walk(classes)) {
                for (Path c : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(c));
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.hubcord.commands.api.CommandModule"));
            out.write("example.Greetings\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
