package dev.hubcord.commands.parse;

import dev.hubcord.commands.api.Argument;
import java.util.Map;
import java.util.Optional;

/** The values of one invocation's arguments, by argument. */
public record ParsedArguments(Map<String, Object> values) {

    public ParsedArguments {
        values = Map.copyOf(values);
    }

    public <T> Optional<T> get(Argument<T> argument) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(argument.name());
        return Optional.ofNullable(value);
    }
}
