package dev.hubcord.service.settings;

import java.util.List;

/**
 * The README table of a service's settings, generated from the declarations. A test per service compares it with the
 * text between {@code <!-- settings:begin -->} and {@code <!-- settings:end -->} in the module README.
 */
public final class SettingsTable {

    public static final String BEGIN = "<!-- settings:begin (generated from the Setting enum; SettingsReadmeTest checks it) -->";
    public static final String END = "<!-- settings:end -->";

    private SettingsTable() {
    }

    public static <S extends Enum<S> & SettingKey> String markdown(Class<S> keys, List<String> stripPrefixes) {
        StringBuilder out = new StringBuilder("| Setting (env / file key) | Flag | Default | Allowed | Meaning |\n")
                .append("|---|---|---|---|---|\n");
        for (S key : keys.getEnumConstants()) {
            Decl d = key.decl();
            String def = d.secret() || d.defaultValue().isEmpty() ? (d.required() ? "required" : "")
                    : "`" + d.defaultValue() + "`" + (d.unit().isEmpty() ? "" : " " + d.unit());
            out.append("| `").append(key.name()).append("` | `").append(key.flag(stripPrefixes)).append("` | ")
                    .append(def).append(" | ").append(d.secret() ? "secret" : cell(d.type().allowed())).append(" | ")
                    .append(cell(key.meaning())).append(" |\n");
        }
        return out.toString();
    }

    /**
     * The generated part of {@code readme}: the lines between the markers, or {@code null} when a marker is missing.
     */
    public static String between(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            return null;
        }
        return readme.substring(begin + BEGIN.length(), end).strip() + "\n";
    }

    /**
     * Compares the README's generated part with the declarations. On a difference it writes the expected table next
     * to the build output ({@code target/settings-table.md}) so it can be pasted, and says so.
     *
     * @return {@code null} when they agree, else what is wrong
     */
    public static <S extends Enum<S> & SettingKey> String readmeMismatch(Class<S> keys, List<String> stripPrefixes,
            java.nio.file.Path readme) throws java.io.IOException {
        String expected = markdown(keys, stripPrefixes);
        String actual = between(java.nio.file.Files.readString(readme));
        if (expected.equals(actual)) {
            return null;
        }
        java.nio.file.Path out = java.nio.file.Path.of("target", "settings-table.md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, BEGIN + "\n\n" + expected + "\n" + END + "\n");
        return readme + (actual == null ? " has no " + BEGIN + " ... " + END + " markers"
                : " disagrees with " + keys.getName()) + "; the expected text is in " + out.toAbsolutePath();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
