package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.hub.HubChannel;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubRole;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.commands.parse.Durations;
import dev.hubcord.commands.parse.Lookups;
import java.time.Duration;
import java.util.function.BiFunction;

/** The built-in argument types. */
public final class ArgumentTypes {

    /** One word (or one quoted group); with {@link Argument#greedy()} the rest of the text. */
    public static final ArgumentType<String> TEXT = simple("text", (s, r) -> s);

    /** A whole number. */
    public static final ArgumentType<Long> INTEGER = integer(Long.MIN_VALUE, Long.MAX_VALUE);

    /** {@code 90s}, {@code 5h}, {@code 1d12h}, {@code 2w}. */
    public static final ArgumentType<Duration> DURATION = simple("duration", (s, r) -> Durations.parse(s));

    /** Any user: mention, ID, name#discriminator, username, global or nick name (names: members of this guild). */
    public static final ArgumentType<HubUser> USER = simple("user", Lookups::user);

    /** A member of this guild, found like {@link #USER}. */
    public static final ArgumentType<HubMember> MEMBER = simple("member", Lookups::member);

    /** A channel of this guild: mention, ID or name. */
    public static final ArgumentType<HubChannel> CHANNEL = simple("channel", Lookups::channel);

    /** A role of this guild: mention, ID or name. */
    public static final ArgumentType<HubRole> ROLE = simple("role", Lookups::role);

    private ArgumentTypes() {
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ArgumentType<Long> integer(long min, long max) {
        return new ArgumentType<>() {
            @Override
            public String label() {
                return "number";
            }

            @Override
            public Long parse(String text, Resolver resolver) {
                long n;
                try {
                    n = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new UsageException("`" + text + "` is not a whole number.");
                }
                if (n < min || n > max) {
                    throw new UsageException("`" + text + "` is out of range: use " + min + " to " + max + ".");
                }
                return n;
            }

            @Override
            public Long fromOption(JsonNode value, Resolver resolver) {
                return parse(value.isNumber() ? Long.toString(value.asLong()) : value.asText(), resolver);
            }
        };
    }

    /** A type from a label and a parse function. */
    public static <T> ArgumentType<T> simple(String label, BiFunction<String, Resolver, T> parse) {
        return new ArgumentType<>() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public T parse(String text, Resolver resolver) {
                return parse.apply(text, resolver);
            }
        };
    }
}
