package dev.hubcord.service.settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line built from the declarations: one option per setting (validated as it is parsed), plus {@code
 * --config FILE} when the service reads a properties file, {@code --help} and {@code --version}.
 *
 * @param <S> the service's settings enum
 */
public final class SettingsCli<S extends Enum<S> & SettingKey> {

    /** The flags given, by setting name, and the {@code --config} file ({@code null} when none). */
    public record Parsed(boolean helpShown, Map<String, String> flags, String configFile) {}

    private final Class<S> keys;
    private final List<String> stripPrefixes;
    private final CommandSpec spec;

    /**
     * @param configEnv the environment variable naming the properties file ({@code HUB_CONFIG}), or {@code null} when
     *     the service has no {@code --config}
     */
    public SettingsCli(String name, String description, Class<S> keys, List<String> stripPrefixes, String configEnv) {
        this.keys = keys;
        this.stripPrefixes = List.copyOf(stripPrefixes);
        spec = CommandSpec.create().name(name).version("hubcord " + name + " 0.1.0").mixinStandardHelpOptions(true);
        spec.usageMessage().description(description).footer("",
                "Every flag can also be set as the environment variable in brackets" + (configEnv == null ? "."
                        : " or as that key in the --config properties file (default $" + configEnv + ")."),
                "Flags win over the environment" + (configEnv == null ? "" : ", which wins over the file") + ".");
        if (configEnv != null) {
            spec.addOption(OptionSpec.builder("--config").paramLabel("<file>").type(String.class)
                    .description("properties file with the keys in brackets").build());
        }
        for (S key : keys.getEnumConstants()) {
            spec.addOption(option(key));
        }
    }

    private OptionSpec option(S key) {
        Decl decl = key.decl();
        StringBuilder help = new StringBuilder(key.meaning()).append(" [").append(key.name());
        if (decl.secret()) {
            help.append("; prefer the environment: flags show in ps");
        } else if (!decl.defaultValue().isEmpty()) {
            help.append(", default ").append(decl.defaultValue()).append(decl.unit().isEmpty() ? "" : " " + decl.unit());
        }
        help.append(decl.required() ? ", required]" : "]");
        OptionSpec.Builder b = OptionSpec.builder(key.flag(stripPrefixes)).type(String.class)
                .paramLabel(decl.secret() ? "<secret>" : decl.type().label())
                .description(help.toString().replace("%", "%%"))
                .converters(text -> {
                    parse(key, text);
                    return text;
                });
        if (decl.type() instanceof SettingType.Bool) {
            // "--demo" alone means true; "--demo=false" still works
            b.arity("0..1").fallbackValue("true");
        }
        return b.build();
    }

    private static void parse(SettingKey key, String text) {
        Settings.parse(key, text, "flag " + key.name());
    }

    /** The help text, for tests and {@code --help}. */
    public String usage() {
        return new CommandLine(spec).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /**
     * Parses {@code args}, printing help or the version when asked.
     *
     * @throws SettingException with one line when a flag is unknown or its value not allowed
     */
    public Parsed parse(String[] args) {
        CommandLine cli = new CommandLine(spec);
        ParseResult result;
        try {
            result = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof SettingException)) {
                cause = cause.getCause();
            }
            throw new SettingException(cause != null ? cause.getMessage()
                    : e.getMessage().replace('\n', ' ') + " (see --help)");
        }
        if (CommandLine.printHelpIfRequested(result)) {
            return new Parsed(true, Map.of(), null);
        }
        Map<String, String> flags = new HashMap<>();
        for (S key : keys.getEnumConstants()) {
            String flag = key.flag(stripPrefixes);
            if (result.hasMatchedOption(flag)) {
                flags.put(key.name(), result.matchedOptionValue(flag, ""));
            }
        }
        return new Parsed(false, flags, result.hasMatchedOption("--config") ? result.matchedOptionValue("--config", "")
                : null);
    }
}
