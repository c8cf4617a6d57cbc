package dev.hubcord.commands.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Resolver;
import dev.hubcord.commands.api.UsageException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fills a command's arguments from raw text or from slash-command options. Flags may stand anywhere
 * ({@code -t 5h}, {@code --time 5h}, {@code --time=5h}); the other words fill the positional arguments in order, a
 * greedy last one taking the rest. Every problem is a {@link UsageException} that says which argument and why.
 */
public final class ArgumentParser {

    private ArgumentParser() {
    }

    public static ParsedArguments parse(CommandSpec spec, String raw, Resolver resolver) {
        return parse(spec.name(), spec.arguments(), raw, resolver);
    }

    /** Parses {@code raw} against {@code arguments} (a command's or a subcommand's). */
    public static ParsedArguments parse(String name, List<Argument<?>> arguments, String raw, Resolver resolver) {
        List<Token> tokens = Tokenizer.tokenize(raw == null ? "" : raw);
        Map<String, Object> values = new HashMap<>();
        List<Token> positional = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.looksLikeFlag()) {
                positional.add(t);
                continue;
            }
            String text = t.text();
            String inlineValue = null;
            int eq = text.indexOf('=');
            if (text.startsWith("--") && eq > 2) {
                inlineValue = text.substring(eq + 1);
                text = text.substring(0, eq);
            }
            Argument<?> flag = findFlag(arguments, text);
            if (flag == null) {
                throw new UsageException("`" + text + "` is not a flag of `" + name + "`.");
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= tokens.size()) {
                    throw new UsageException("`" + text + "` needs a " + flag.type().label() + " after it.");
                }
                value = tokens.get(++i).text();
            }
            if (values.containsKey(flag.name())) {
                throw new UsageException("`" + text + "` is given twice.");
            }
            values.put(flag.name(), convert(flag, value, resolver));
        }
        List<Argument<?>> slots = arguments.stream().filter(a -> !a.isFlag()).toList();
        int next = 0;
        for (Argument<?> slot : slots) {
            if (next >= positional.size()) {
                break;
            }
            String text = slot.rest()
                    ? positional.subList(next, positional.size()).stream().map(Token::text)
                            .collect(Collectors.joining(" "))
                    : positional.get(next).text();
            next = slot.rest() ? positional.size() : next + 1;
            values.put(slot.name(), convert(slot, text, resolver));
        }
        if (next < positional.size()) {
            throw new UsageException("Too many arguments: `" + positional.get(next).text() + "` is one too many.");
        }
        requireAll(arguments, values);
        return new ParsedArguments(values);
    }

    /** From Discord's option objects {@code [{name, type, value}]} of a command without subcommands. */
    public static ParsedArguments fromOptions(CommandSpec spec, JsonNode options, Resolver resolver) {
        return fromOptions(spec.name(), spec.arguments(), options, resolver);
    }

    /**
     * From Discord's option objects for {@code arguments} (the leaf options, below any subcommand). Each option's
     * {@code type} and the JSON kind of its {@code value} must fit the declared argument (a payload that does not is
     * refused with a {@link UsageException} naming the option), and a value with declared choices must be one of
     * them.
     */
    public static ParsedArguments fromOptions(String name, List<Argument<?>> arguments, JsonNode options,
            Resolver resolver) {
        Map<String, Object> values = new HashMap<>();
        if (options != null && options.isArray()) {
            for (JsonNode option : options) {
                String optionName = option.path("name").asText();
                Argument<?> argument = arguments.stream().filter(a -> a.name().equals(optionName)).findFirst()
                        .orElseThrow(() -> new UsageException("`" + optionName + "` is not an option of `" + name
                                + "`."));
                JsonNode value = option.path("value");
                if (value.isMissingNode() || value.isNull()) {
                    continue;
                }
                OptionValues.check(argument, option.path("type"), value);
                try {
                    Object converted = argument.type().fromOption(value, resolver);
                    OptionValues.checkChoice(argument, converted);
                    values.put(optionName, converted);
                } catch (UsageException e) {
                    throw new UsageException("`" + optionName + "`: " + e.getMessage());
                }
            }
        }
        requireAll(arguments, values);
        return new ParsedArguments(values);
    }

    private static Object convert(Argument<?> argument, String text, Resolver resolver) {
        try {
            Object value = argument.type().parse(text, resolver);
            OptionValues.checkChoice(argument, value);
            return value;
        } catch (UsageException e) {
            throw new UsageException("`" + argument.name() + "`: " + e.getMessage());
        }
    }

    private static Argument<?> findFlag(List<Argument<?>> arguments, String text) {
        for (Argument<?> a : arguments) {
            if (text.startsWith("--") ? text.substring(2).equals(a.longFlag())
                    : a.shortFlag() != null && text.substring(1).equals(a.shortFlag())) {
                return a;
            }
        }
        return null;
    }

    private static void requireAll(List<Argument<?>> arguments, Map<String, Object> values) {
        for (Argument<?> a : arguments) {
            if (a.required() && !values.containsKey(a.name())) {
                throw new UsageException("Missing " + (a.isFlag() ? "flag " : "") + "`" + a.usage() + "`.");
            }
        }
    }
}
