package dev.hubcord.commands.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers as processes: killed mid-command, restarted, and extended with a command jar. */
class WorkerProcessIT {

    @TempDir
    static Path dir;
    static World world;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir, Map.of("HUB_RESUME_TIMEOUT_MS", "1000"), RestConfig.defaults());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void reset() {
        world.sim.control().setRestConfig(RestConfig.defaults());
        world.sim.control().delayRest("messages", 0, 0);
    }

    @Test
    void healthReadyAndMetricsOnTheWorkersOwnPort() throws Exception {
        try (WorkerProcess w = WorkerProcess.start(dir, "worker-health", world.workerSettings())) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + w.httpPort();
            assertThat(get(http, base + "/health").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> get(http, base + "/ready").statusCode() == 200);
            String messageId = world.command(world.general, world.moderator, "ping", "");
            assertThat(world.awaitReply(world.general, messageId)).isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(http, base + "/metrics").body())
                    .contains("commands_total{name=\"ping\",outcome=\"ok\"} 1.0",
                            "commands_duration_seconds_bucket{name=\"ping\",outcome=\"ok\"",
                            "discord_rest_requests_total{", "jvm_memory_used_bytes", "process_files_open_files"));
            assertThat(w.stop()).isIn(0, 143); // 143: the JVM reports the SIGTERM even after a clean shutdown
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCommandRedeliveredAfterItsWorkerWasKilledBansOnce() throws Exception {
        // One message per 5 s in the channel, and the test takes it: the worker's reply has to wait.
        world.sim.control().setRestConfig(RestConfig.defaults()
                .withBucket("messages", new RestConfig.BucketLimit(1, 5_000, false)));
        String target = CacheMirror.id(world.minemidnight);
        String messageId;
        try (WorkerProcess a = WorkerProcess.start(dir, "worker-a", world.workerSettings())) {
            try (DiscordRest rest = new DiscordRest(RestOptions.defaults(URI.create(world.sim.apiBaseUrl()),
                    world.sim.token()))) {
                new DiscordApi(rest).createMessage(CacheMirror.id(world.general), DiscordApi.message("taken"), null);
            }
            messageId = world.command(world.general, world.moderator, "ban", "minemidnight#0001 spamming");
            // A has banned and is waiting out the 429 on its reply: kill it before it can acknowledge.
            await().atMost(Duration.ofSeconds(15)).until(() -> world.requests("PUT", "/bans/" + target).size() == 1
                    && world.requests("POST", "/channels/" + world.general + "/messages").stream()
                            .anyMatch(r -> r.status() == 429));
            a.kill();
        }
        try (WorkerProcess b = WorkerProcess.start(dir, "worker-b", world.workerSettings())) {
            assertThat(world.awaitReply(world.general, messageId)).isEqualTo("Banned **minemidnight#0001**: spamming");
            assertThat(b.output()).contains("ban");
        }
        List<RestExchange.Recorded> bans = world.requests("PUT", "/bans/" + target);
        assertThat(bans).hasSize(1);
        world.sim.control().events().memberAdd(world.guild.id(), world.minemidnight);
        world.guild.unban(world.minemidnight);
        world.mirror(world.guild);
    }

    @Test
    void aReplyPostedByAWorkerKilledBeforeItsAnswerCameIsNotPostedAgain() throws Exception {
        // A channel of its own: a command left over from another test (redelivered to A when it connects) answers
        // in #general and must neither take the delay nor queue in front of this reply.
        long channel = world.guild.snapshot().channels().stream().filter(c -> c.type() == SimChannel.TEXT)
                .filter(c -> c.overwrites().isEmpty() && c.id() != world.general).findFirst().orElseThrow().id();
        String messageId;
        try (WorkerProcess a = WorkerProcess.start(dir, "worker-e", world.workerSettings())) {
            // A's reply takes effect at once, but Discord's answer would come only after A is dead.
            world.sim.control().delayRest("messages", channel, 60_000, 1);
            messageId = world.command(channel, world.plain, "help", "");
            long trigger = Long.parseUnsignedLong(messageId);
            await().atMost(Duration.ofSeconds(15)).until(() -> world.sim.control().messages().stream()
                    .anyMatch(m -> m.replyTo() == trigger));
            a.kill();
        }
        try (WorkerProcess b = WorkerProcess.start(dir, "worker-f", world.workerSettings())) {
            // B reruns it (the journal has no reply#0), with the same nonce: Discord hands back A's message.
            await().atMost(Duration.ofSeconds(20)).until(() -> replyRequests(channel, messageId).size() == 2
                    && replyRequests(channel, messageId).getLast().status() == 200);
        }
        List<RestExchange.Recorded> sent = replyRequests(channel, messageId);
        assertThat(World.json(sent.getFirst().body()).path("nonce").asText())
                .isEqualTo(World.json(sent.getLast().body()).path("nonce").asText());
        long trigger = Long.parseUnsignedLong(messageId);
        assertThat(world.sim.control().messages()).filteredOn(m -> m.replyTo() == trigger).hasSize(1);
    }

    private static List<RestExchange.Recorded> replyRequests(long channel, String messageId) {
        return world.requests("POST", "/channels/" + channel + "/messages").stream()
                .filter(r -> World.json(r.body()).path("message_reference").path("message_id").asText()
                        .equals(messageId)).toList();
    }

    @Test
    void aTimedBanIsLiftedByTheNextWorkerProcess() throws Exception {
        long target = world.guild.snapshot().members().get(14).userId();
        try (WorkerProcess a = WorkerProcess.start(dir, "worker-c", world.workerSettings())) {
            String id = world.command(world.general, world.moderator, "ban", target + " -t 3s");
            assertThat(world.awaitReply(world.general, id)).startsWith("Banned **").endsWith("for 3s.");
            assertThat(a.stop()).isIn(0, 143); // 143: the JVM reports the SIGTERM even after a clean shutdown
            assertThat(a.output()).contains("commands worker stopped");
        }
        assertThat(world.guild.banned(target)).isTrue();
        try (WorkerProcess b = WorkerProcess.start(dir, "worker-d", world.workerSettings())) {
            await().atMost(Duration.ofSeconds(15)).until(() -> !world.guild.banned(target)
                    && b.output().contains("timed ban of " + target + " in " + world.guild.id() + " lifted"));
        }
    }

    @Test
    void aCommandJarOnTheClasspathIsFoundAndRuns() throws Exception {
        Path plugin = buildPluginJar();
        try (WorkerProcess w = WorkerProcess.start(dir, "worker-plugin", world.workerSettings(), plugin)) {
            String id = world.command(world.general, world.plain, "hello", "");
            assertThat(world.awaitReply(world.general, id)).isEqualTo("Hello from a plugin, <@" + world.plain + ">!");
            String help = world.awaitReply(world.general, world.command(world.general, world.plain, "help", ""));
            assertThat(help).contains("`hello` Greets from a jar.");
            assertThat(w.output()).contains("hello");
        }
    }

    /** Compiles a one-class command against the worker's jar and packs it with its services file. */
    private static Path buildPluginJar() throws IOException {
        Path src = dir.resolve("plugin-src/example/HelloCommand.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package example;

                import dev.hubcord.commands.api.Command;
                import dev.hubcord.commands.api.CommandContext;
                import dev.hubcord.commands.api.CommandSpec;

                public final class HelloCommand implements Command {
                    @Override
                    public CommandSpec spec() {
                        return CommandSpec.builder("hello").description("Greets from a jar.").build();
                    }

                    @Override
                    public void execute(CommandContext ctx) {
                        ctx.reply("Hello from a plugin, <@" + ctx.authorId() + ">!");
                    }
                }
                """);
        Path classes = dir.resolve("plugin-classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", WorkerProcess.JAR.toString(),
                src.toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("hello-command.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("example/HelloCommand.class"));
            out.write(Files.readAllBytes(classes.resolve("example/HelloCommand.class")));
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/dev.hubcord.commands.api.Command"));
            OutputStream o = out;
            o.write("example.HelloCommand\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
