package dev.hubcord.service.settings;

import java.util.Locale;

/**
 * Implemented by a service's settings enum. The constant's name is the environment variable and the properties-file
 * key ({@code HUB_PORT}); {@link #decl()} says what values it takes and {@link #meaning()} what it does.
 */
public interface SettingKey {

    /** The environment variable and properties-file key; enums provide it. */
    String name();

    Decl decl();

    /** One line for {@code --help} and the README table. */
    String meaning();

    /**
     * The command-line flag: the declaration's own, else the name in kebab case without the first of {@code
     * stripPrefixes} it starts with ({@code HUB_RESUME_TIMEOUT_MS} with {@code HUB_} → {@code --resume-timeout-ms}).
     */
    default String flag(java.util.List<String> stripPrefixes) {
        if (decl().flag() != null) {
            return decl().flag();
        }
        String n = name();
        for (String prefix : stripPrefixes) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
                break;
            }
        }
        return "--" + n.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
