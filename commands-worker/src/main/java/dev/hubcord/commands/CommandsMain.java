package dev.hubcord.commands;

import dev.hubcord.commands.config.ConfigException;
import dev.hubcord.commands.config.Setting;
import dev.hubcord.commands.config.WorkerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar commands-worker.jar}: reads the settings from {@code --config FILE} (or {@code COMMANDS_CONFIG}),
 * the environment and the flags (one flag per {@link Setting}), starts the worker, and stops it cleanly on SIGTERM.
 */
public final class CommandsMain {

    private CommandsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        CommandSpec spec = CommandSpec.create().name("commands-worker").mixinStandardHelpOptions(true)
                .version("hubcord commands-worker 0.1.0");
        spec.usageMessage().description("The hubcord commands worker: runs EXECUTE_COMMAND events from the hub.")
                .footer("", "Every flag can also be set as an environment variable (DISCORD_TOKEN, HUB_URL, ...) or as",
                        "the same key in the --config properties file. Flags win over the environment, which wins over",
                        "the file.");
        spec.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(Path.class)
                .description("properties file with the keys below (default: $COMMANDS_CONFIG)").build());
        for (Setting s : Setting.values()) {
            spec.addOption(OptionSpec.builder(s.flag()).paramLabel(s.secret() ? "SECRET" : "VALUE").type(String.class)
                    .description(s.description() + (s.secret() ? " (prefer " + s.name() + ": flags show in ps)" : "")
                            + (s.defaultValue().isEmpty() ? "" : " (default " + s.defaultValue() + ")")).build());
        }
        CommandLine cli = new CommandLine(spec);
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("commands-worker: " + e.getMessage());
            cli.usage(System.err);
            return 2;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        WorkerConfig config;
        try {
            Map<String, String> flags = new HashMap<>();
            for (Setting s : Setting.values()) {
                if (parsed.hasMatchedOption(s.flag())) {
                    flags.put(s.name(), parsed.matchedOptionValue(s.flag(), ""));
                }
            }
            Path file = parsed.matchedOptionValue("--config", System.getenv("COMMANDS_CONFIG") == null ? null
                    : Path.of(System.getenv("COMMANDS_CONFIG")));
            config = WorkerConfig.resolve(readFile(file), System.getenv(), flags);
        } catch (ConfigException e) {
            System.err.println("commands-worker: " + e.getMessage());
            return 2;
        }
        CommandsWorker worker;
        try {
            worker = CommandsWorker.start(config);
        } catch (RuntimeException e) {
            System.err.println("commands-worker: cannot start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "commands-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static Map<String, String> readFile(Path file) {
        Map<String, String> values = new HashMap<>();
        if (file == null) {
            return values;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
        }
        for (String key : properties.stringPropertyNames()) {
            try {
                Setting.valueOf(key);
                values.put(key, properties.getProperty(key));
            } catch (IllegalArgumentException e) {
                System.err.println("commands-worker: config file " + file + ": unknown key " + key + " ignored");
            }
        }
        return values;
    }
}
