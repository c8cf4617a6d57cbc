package dev.hubcord.sharder;

import dev.hubcord.sharder.config.Setting;
import dev.hubcord.sharder.config.SharderConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code java -jar sharder.jar}: reads the settings from {@code --config FILE} (or
 * {@code SHARDER_CONFIG}), the environment and the flags (one flag per {@link Setting}), starts the
 * sharder, and on SIGTERM closes the Discord sessions and then the hub session.
 *
 * <p>Exit codes: 0 after a shutdown, 2 for bad settings, 3 when Discord refuses the token, 1 otherwise.
 */
public final class SharderMain {

    private static final Logger log = LoggerFactory.getLogger(SharderMain.class);

    private SharderMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("sharder").version("hubcord sharder 0.1.0");
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description("Runs the Discord shards the hubcord hub assigns and forwards their events to it.")
                .footer("", "Every flag can also be set as an environment variable (its name is in brackets) or as",
                        "that key in the --config properties file. Flags win over the environment, which wins over the file.");
        spec.addOption(OptionSpec.builder("--config").paramLabel("FILE").type(String.class)
                .description("properties file with the settings below (default: $SHARDER_CONFIG)").build());
        for (Setting s : Setting.values()) {
            spec.addOption(OptionSpec.builder(s.flag()).paramLabel("VALUE").type(String.class)
                    .description(s.description() + " [" + s.name() + (s.defaultValue().isEmpty() ? ""
                            : ", default " + s.defaultValue()) + "]").build());
        }
        return spec;
    }

    static int run(String[] args) {
        CommandLine cli = new CommandLine(spec());
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            System.err.println("sharder: " + e.getMessage());
            cli.usage(new PrintWriter(System.err, true));
            return 2;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        SharderConfig config;
        try {
            Map<String, String> flags = new HashMap<>();
            for (Setting s : Setting.values()) {
                String value = parsed.matchedOptionValue(s.flag(), null);
                if (value != null) {
                    flags.put(s.name(), value);
                }
            }
            config = SharderConfig.resolve(readFile(parsed.matchedOptionValue("--config", System.getenv("SHARDER_CONFIG"))),
                    System.getenv(), flags);
        } catch (SharderException | IOException e) {
            System.err.println("sharder: " + e.getMessage());
            return 2;
        }
        log.info("event=starting config={}", config);
        Sharder sharder;
        try {
            sharder = Sharder.start(config);
        } catch (SharderException e) {
            log.error("event=startup_failed kind={} detail=\"{}\"", e.kind(), e.getMessage());
            return e.kind() == SharderException.Kind.DISCORD_AUTH ? 3 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        sharder.connected().whenComplete((ok, error) -> {
            if (error != null) {
                log.error("event=hub_refused detail=\"{}\"", error.getMessage());
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("event=shutting_down");
            sharder.close();
            stopped.countDown();
        }, "sharder-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return sharder.connected().isCompletedExceptionally() ? 1 : 0;
    }

    private static Map<String, String> readFile(String file) throws IOException {
        Map<String, String> values = new HashMap<>();
        if (file == null || file.isBlank()) {
            return values;
        }
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IOException("config file " + path + " cannot be read");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        }
        for (String key : properties.stringPropertyNames()) {
            Setting s = Setting.byName(key);
            if (s == null) {
                log.warn("event=config_unknown_key file={} key={}", path, key);
                continue;
            }
            values.put(s.name(), properties.getProperty(key));
        }
        return values;
    }
}
