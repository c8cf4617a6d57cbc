package dev.hubcord.commands.api;

import java.util.Objects;

/**
 * One typed argument of a command: positional, or a flag ({@code -t 5h}, {@code --time 5h},
 * {@code --time=5h}). Immutable; the modifiers return copies, so declare arguments as constants and read them back
 * with {@link CommandContext#get(Argument)}:
 *
 * <pre>{@code
 * static final Argument<HubUser> USER = Argument.of("user", ArgumentTypes.USER);
 * static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional();
 * static final Argument<Duration> TIME = Argument.of("time", ArgumentTypes.DURATION).flag("t").optional();
 * }</pre>
 *
 * @param name the name, also the slash-command option name
 * @param type how the text is parsed
 * @param required whether it must be given
 * @param rest whether it takes the rest of the positional text (only the last positional argument); see
 *     {@link #greedy()}
 * @param shortFlag the one-letter flag name, or null
 * @param longFlag the long flag name, or null; a flag argument is never positional
 * @param description shown by {@code help}
 * @param <T> the value type
 */
public record Argument<T>(String name, ArgumentType<T> type, boolean required, boolean rest, String shortFlag,
        String longFlag, String description) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("argument names are 1-32 lower-case letters, digits, - or _: " + name);
        }
    }

    public static <T> Argument<T> of(String name, ArgumentType<T> type) {
        return new Argument<>(name, type, true, false, null, null, "");
    }

    public Argument<T> optional() {
        return new Argument<>(name, type, false, rest, shortFlag, longFlag, description);
    }

    /** Takes the rest of the positional text, spaces included. */
    public Argument<T> greedy() {
        return new Argument<>(name, type, required, true, shortFlag, longFlag, description);
    }

    /** Makes this a flag: {@code -s value} and {@code --name value}. */
    public Argument<T> flag(String shortName) {
        return new Argument<>(name, type, required, false, shortName, name, description);
    }

    public Argument<T> describedAs(String text) {
        return new Argument<>(name, type, required, rest, shortFlag, longFlag, text);
    }

    public boolean isFlag() {
        return longFlag != null || shortFlag != null;
    }

    /** How the argument shows in a usage line: {@code <user>}, {@code [reason...]}, {@code [-t duration]}. */
    public String usage() {
        String inner = isFlag() ? (shortFlag != null ? "-" + shortFlag : "--" + longFlag) + " " + type.label()
                : name + (rest ? "..." : "");
        return required ? "<" + inner + ">" : "[" + inner + "]";
    }
}
