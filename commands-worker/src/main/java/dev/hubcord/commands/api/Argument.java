package dev.hubcord.commands.api;

import java.util.List;
import java.util.Objects;

/**
 * One typed argument of a command: positional, or a flag ({@code -t 5h}, {@code --time 5h},
 * {@code --time=5h}); for the slash command, an option of the same name. Immutable; the modifiers return copies,
 * so declare arguments as constants and read them back with {@link CommandContext#get(Argument)}:
 *
 * <pre>{@code
 * static final Argument<HubUser> USER = Argument.of("user", ArgumentTypes.USER).describedAs("who to ban");
 * static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional();
 * static final Argument<Duration> TIME = Argument.of("time", ArgumentTypes.DURATION).flag("t").optional();
 * static final Argument<String> SONG = Argument.of("query", ArgumentTypes.TEXT).autocomplete(ctx -> ...);
 * }</pre>
 *
 * @param name the name, also the slash-command option name
 * @param type how the text is parsed, and the option's Discord type
 * @param required whether it must be given
 * @param rest whether it takes the rest of the positional text (only the last positional argument); see
 *     {@link #greedy()}
 * @param shortFlag the one-letter flag name, or null
 * @param longFlag the long flag name, or null; a flag argument is never positional
 * @param description shown by {@code help} and as the option's description (the type's label when empty)
 * @param choices fixed choices of a string, integer or number option (at most 25); a prefix value must be one of
 *     their values too
 * @param autocomplete suggests values as the user types, or null (not with choices)
 * @param localizations the option's localized names and descriptions
 * @param <T> the value type
 */
public record Argument<T>(String name, ArgumentType<T> type, boolean required, boolean rest, String shortFlag,
        String longFlag, String description, List<Choice> choices, AutocompleteHandler autocomplete,
        Localizations localizations) {

    public Argument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("argument names are 1-32 lower-case letters, digits, - or _: " + name);
        }
        choices = List.copyOf(choices);
        localizations = localizations == null ? Localizations.NONE : localizations;
        if (choices.size() > 25) {
            throw new IllegalArgumentException(name + ": at most 25 choices");
        }
        if (!choices.isEmpty() && autocomplete != null) {
            throw new IllegalArgumentException(name + ": an option has choices or autocomplete, not both");
        }
        if (description != null && description.length() > 100) {
            throw new IllegalArgumentException(name + ": an option's description is at most 100 characters");
        }
    }

    public static <T> Argument<T> of(String name, ArgumentType<T> type) {
        return new Argument<>(name, type, true, false, null, null, "", List.of(), null, null);
    }

    public Argument<T> optional() {
        return new Argument<>(name, type, false, rest, shortFlag, longFlag, description, choices, autocomplete,
                localizations);
    }

    /** Takes the rest of the positional text, spaces included. */
    public Argument<T> greedy() {
        return new Argument<>(name, type, required, true, shortFlag, longFlag, description, choices, autocomplete,
                localizations);
    }

    /** Makes this a flag: {@code -s value} and {@code --name value}. */
    public Argument<T> flag(String shortName) {
        return new Argument<>(name, type, required, false, shortName, name, description, choices, autocomplete,
                localizations);
    }

    public Argument<T> describedAs(String text) {
        return new Argument<>(name, type, required, rest, shortFlag, longFlag, text, choices, autocomplete,
                localizations);
    }

    /** Fixed choices (string, integer or number options). */
    public Argument<T> choices(Choice... values) {
        return new Argument<>(name, type, required, rest, shortFlag, longFlag, description, List.of(values),
                autocomplete, localizations);
    }

    /** Suggestions while the user types the slash command (string, integer or number options). */
    public Argument<T> autocomplete(AutocompleteHandler handler) {
        return new Argument<>(name, type, required, rest, shortFlag, longFlag, description, choices, handler,
                localizations);
    }

    /** A localized option name and description ({@code locale} as Discord names it, e.g. {@code de}). */
    public Argument<T> localized(String locale, String localizedName, String localizedDescription) {
        return new Argument<>(name, type, required, rest, shortFlag, longFlag, description, choices, autocomplete,
                localizations.with(locale, localizedName, localizedDescription));
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
