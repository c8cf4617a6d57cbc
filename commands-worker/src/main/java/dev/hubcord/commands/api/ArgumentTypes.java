package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.hub.HubChannel;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubRole;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.commands.interactions.Attachment;
import dev.hubcord.commands.interactions.Mentionable;
import dev.hubcord.commands.interactions.Resolved;
import dev.hubcord.commands.parse.Durations;
import dev.hubcord.commands.parse.Lookups;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The built-in argument types, each with the Discord option type it registers as. For slash commands the user,
 * member, channel, role, mentionable and attachment types take the value from the interaction's {@code resolved}
 * data (what Discord sent along), and fall back to the hub's cache for an ID Discord did not resolve.
 */
public final class ArgumentTypes {

    /** One word (or one quoted group); with {@link Argument#greedy()} the rest of the text. */
    public static final ArgumentType<String> TEXT = simple("text", (s, r) -> s);

    /** A whole number. */
    public static final ArgumentType<Long> INTEGER = integer(Long.MIN_VALUE, Long.MAX_VALUE);

    /** A number with a fraction. */
    public static final ArgumentType<Double> NUMBER = number(-Double.MAX_VALUE, Double.MAX_VALUE);

    /** {@code true}/{@code false}; for prefix use also yes/no, on/off. */
    public static final ArgumentType<Boolean> BOOLEAN = new Typed<>("true/false", OptionType.BOOLEAN, (s, r) ->
            switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "y" -> true;
                case "false", "no", "off", "n" -> false;
                default -> throw new UsageException("`" + s + "` is not yes or no.");
            }, null, JsonNode::asBoolean);

    /** {@code 90s}, {@code 5h}, {@code 1d12h}, {@code 2w}. */
    public static final ArgumentType<Duration> DURATION = simple("duration", (s, r) -> Durations.parse(s));

    /** Any user: mention, ID, name#discriminator, username, global or nick name (names: members of this guild). */
    public static final ArgumentType<HubUser> USER = resolved("user", OptionType.USER, Lookups::user,
            Resolved::user);

    /** A member of this guild, found like {@link #USER}. */
    public static final ArgumentType<HubMember> MEMBER = resolved("member", OptionType.USER, Lookups::member,
            Resolved::member);

    /** A channel of this guild: mention, ID or name. */
    public static final ArgumentType<HubChannel> CHANNEL = channel();

    /** A role of this guild: mention, ID or name. */
    public static final ArgumentType<HubRole> ROLE = resolved("role", OptionType.ROLE, Lookups::role,
            Resolved::role);

    /** A user or a role: mention or ID (a user is looked for first). */
    public static final ArgumentType<Mentionable> MENTIONABLE = resolved("user or role", OptionType.MENTIONABLE,
            ArgumentTypes::mentionable, Resolved::mentionable);

    /** A file (slash commands only: a prefix command cannot take one). */
    public static final ArgumentType<Attachment> ATTACHMENT = resolved("file", OptionType.ATTACHMENT, (s, r) -> {
        throw new UsageException("Attach files with the slash command.");
    }, Resolved::attachment);

    private ArgumentTypes() {
    }

    /** Text of {@code min} to {@code max} characters (registered as {@code min_length}/{@code max_length}). */
    public static ArgumentType<String> text(int min, int max) {
        return new Typed<>("text", OptionType.STRING, (s, r) -> {
            if (s.length() < min || s.length() > max) {
                throw new UsageException("Use " + min + " to " + max + " characters.");
            }
            return s;
        }, o -> o.put("min_length", min).put("max_length", max), null);
    }

    /** A whole number from {@code min} to {@code max} (registered as {@code min_value}/{@code max_value}). */
    public static ArgumentType<Long> integer(long min, long max) {
        return new Typed<>("number", OptionType.INTEGER, (s, r) -> {
            long n;
            try {
                n = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new UsageException("`" + s + "` is not a whole number.");
            }
            if (n < min || n > max) {
                throw new UsageException("`" + s + "` is out of range: use " + min + " to " + max + ".");
            }
            return n;
        }, o -> {
            if (min != Long.MIN_VALUE) {
                o.put("min_value", min);
            }
            if (max != Long.MAX_VALUE) {
                o.put("max_value", max);
            }
        }, null);
    }

    /** A number from {@code min} to {@code max}. */
    public static ArgumentType<Double> number(double min, double max) {
        return new Typed<>("number", OptionType.NUMBER, (s, r) -> {
            double n;
            try {
                n = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new UsageException("`" + s + "` is not a number.");
            }
            if (!(n >= min && n <= max)) {
                throw new UsageException("`" + s + "` is out of range: use " + min + " to " + max + ".");
            }
            return n;
        }, o -> {
            if (min != -Double.MAX_VALUE) {
                o.put("min_value", min);
            }
            if (max != Double.MAX_VALUE) {
                o.put("max_value", max);
            }
        }, null);
    }

    /** A channel of the given Discord channel types only (0 text, 2 voice, 4 category, 5 news, 15 forum...). */
    public static ArgumentType<HubChannel> channel(Integer... types) {
        BiFunction<String, Resolver, HubChannel> parse = (s, r) -> {
            HubChannel c = Lookups.channel(s, r);
            if (types.length > 0 && !Arrays.asList(types).contains(c.type())) {
                throw new UsageException("#" + c.name() + " is not the right kind of channel.");
            }
            return c;
        };
        return new Typed<>("channel", OptionType.CHANNEL, parse, types.length == 0 ? null
                : o -> Arrays.stream(types).forEach(o.putArray("channel_types")::add),
                null, Resolved::channel);
    }

    /** A type from a label and a parse function (registered as a string option). */
    public static <T> ArgumentType<T> simple(String label, BiFunction<String, Resolver, T> parse) {
        return new Typed<>(label, OptionType.STRING, parse, null, null);
    }

    private static <T> ArgumentType<T> resolved(String label, OptionType type, BiFunction<String, Resolver, T> parse,
            BiFunction<Resolved, String, Optional<T>> fromResolved) {
        return new Typed<>(label, type, parse, null, null, fromResolved);
    }

    private static Mentionable mentionable(String text, Resolver r) {
        try {
            return new Mentionable.User(Lookups.user(text, r), null);
        } catch (UsageException e) {
            return new Mentionable.Role(Lookups.role(text, r));
        }
    }

    /** The built-in types: a parse function, an option type, extra registration fields, resolved lookups. */
    private record Typed<T>(String label, OptionType optionType, BiFunction<String, Resolver, T> parser,
            java.util.function.Consumer<ObjectNode> describer, Function<JsonNode, T> fromJson,
            BiFunction<Resolved, String, Optional<T>> fromResolved) implements ArgumentType<T> {

        Typed(String label, OptionType optionType, BiFunction<String, Resolver, T> parser,
                java.util.function.Consumer<ObjectNode> describer, Function<JsonNode, T> fromJson) {
            this(label, optionType, parser, describer, fromJson, null);
        }

        @Override
        public T parse(String text, Resolver resolver) {
            return parser.apply(text, resolver);
        }

        @Override
        public T fromOption(JsonNode value, Resolver resolver) {
            if (fromResolved != null) {
                Optional<T> found = resolver.resolved().flatMap(r -> fromResolved.apply(r, value.asText()));
                if (found.isPresent()) {
                    return found.get();
                }
            }
            if (fromJson != null) {
                return fromJson.apply(value);
            }
            return parse(value.isIntegralNumber() ? Long.toString(value.asLong()) : value.asText(), resolver);
        }

        @Override
        public void describe(ObjectNode option) {
            if (describer != null) {
                describer.accept(option);
            }
        }
    }
}
