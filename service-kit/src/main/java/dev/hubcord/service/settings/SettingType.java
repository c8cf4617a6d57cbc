package dev.hubcord.service.settings;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The closed set of value types a setting can have. {@link #parse} turns a trimmed, non-blank text into the typed value
 * or throws {@link IllegalArgumentException}; {@link #allowed()} says in a few words what is accepted, for error
 * messages, {@code --help} and the README.
 */
public sealed interface SettingType {

    Object parse(String text);

    String allowed();

    /** The picocli parameter label: {@code <0..65535>}, {@code <auto|io_uring|nio>}. */
    default String label() {
        return "<" + allowed() + ">";
    }

    /** A whole number in {@code [min, max]} (ports, counts, byte sizes and millisecond durations). */
    record Whole(long min, long max) implements SettingType {
        @Override
        public Long parse(String text) {
            long n;
            try {
                n = Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(allowed());
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(allowed());
            }
            return n;
        }

        @Override
        public String allowed() {
            return min + ".." + max;
        }
    }

    /** {@code true/yes/1} or {@code false/no/0}, in any case. */
    record Bool() implements SettingType {
        @Override
        public Boolean parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException(allowed());
            };
        }

        @Override
        public String allowed() {
            return "true|false";
        }
    }

    /** Any text. */
    record Text() implements SettingType {
        @Override
        public String parse(String text) {
            return text;
        }

        @Override
        public String allowed() {
            return "text";
        }

        @Override
        public String label() {
            return "<text>";
        }
    }

    /** One of a fixed list of words, compared without case; the value is the list's spelling. */
    record OneOf(List<String> words) implements SettingType {
        public OneOf {
            words = List.copyOf(words);
        }

        @Override
        public String parse(String text) {
            return words.stream().filter(w -> w.equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(allowed()));
        }

        @Override
        public String allowed() {
            return String.join("|", words);
        }
    }

    /** An absolute URL with a host and one of the given schemes. */
    record Url(List<String> schemes) implements SettingType {
        public Url {
            schemes = List.copyOf(schemes);
        }

        @Override
        public URI parse(String text) {
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(allowed());
            }
            if (uri.getHost() == null || schemes.stream().noneMatch(s -> s.equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(allowed());
            }
            return uri;
        }

        @Override
        public String allowed() {
            return String.join("/", schemes) + " URL";
        }
    }

    /** Comma-separated items, trimmed, empty ones dropped. */
    record Items() implements SettingType {
        @Override
        public List<String> parse(String text) {
            return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        @Override
        public String allowed() {
            return "comma-separated list";
        }

        @Override
        public String label() {
            return "<a,b,...>";
        }
    }

    /** A file-system path (not checked for existence: the service says what it needs). */
    record FilePath() implements SettingType {
        @Override
        public Path parse(String text) {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(allowed());
            }
        }

        @Override
        public String allowed() {
            return "path";
        }

        @Override
        public String label() {
            return "<path>";
        }
    }
}
