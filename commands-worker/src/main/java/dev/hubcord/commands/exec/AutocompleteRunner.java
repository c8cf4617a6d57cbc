package dev.hubcord.commands.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.AutocompleteContext;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.OptionType;
import dev.hubcord.commands.interactions.Interaction;
import dev.hubcord.commands.parse.SubcommandPath;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.protocol.codec.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an autocomplete interaction (type 4) with callback 8: finds the command, the subcommand and the focused
 * option, runs the option's {@link dev.hubcord.commands.api.AutocompleteHandler}, and sends at most 25 choices. No
 * handler, a handler that throws, or an unknown command: no choices (and one log line), so the user's client stops
 * waiting. No journal: suggestions have no side effects and a repeat would get 40060 anyway.
 */
final class AutocompleteRunner {

    private static final Logger log = LoggerFactory.getLogger(AutocompleteRunner.class);
    static final int MAX_CHOICES = 25;

    private final WorkerServices services;

    AutocompleteRunner(WorkerServices services) {
        this.services = services;
    }

    void run(CommandRequest request) {
        CommandRequest.Interaction i = request.interaction();
        Interaction interaction = Interaction.of(request.rawInteraction(), i.id(), i.token(), i.applicationId(),
                i.type());
        List<Choice> choices = List.of();
        try {
            choices = complete(request, interaction);
        } catch (Exception | LinkageError e) {
            log.error("autocomplete {} ({}): the handler threw; answered with no choices", i.id(), request.command(),
                    e);
        }
        if (choices.size() > MAX_CHOICES) {
            choices = choices.subList(0, MAX_CHOICES);
        }
        ObjectNode data = Json.mapper().createObjectNode();
        ArrayNode array = data.putArray("choices");
        choices.forEach(c -> array.add(c.toJson()));
        try {
            CallbackRules.check(i.type(), CallbackRules.AUTOCOMPLETE_RESULT);
            services.discord().interactionCallback(i.id(), i.token(), CallbackRules.AUTOCOMPLETE_RESULT, data);
        } catch (DiscordRestException e) {
            log.warn("autocomplete {} ({}): the answer failed: {}", i.id(), request.command(), e.getMessage());
        }
    }

    private List<Choice> complete(CommandRequest request, Interaction interaction) throws Exception {
        CommandSpec spec = services.registry().find(request).map(CommandRegistry.Entry::spec).orElse(null);
        if (spec == null) {
            log.info("autocomplete {}: unknown command {}", interaction.id(), request.command());
            return List.of();
        }
        SubcommandPath path = SubcommandPath.ofOptions(spec, interaction.data().path("options"));
        List<Argument<?>> arguments = path.subcommand() != null ? path.subcommand().arguments() : spec.arguments();
        JsonNode focused = null;
        Map<String, JsonNode> others = new HashMap<>();
        for (JsonNode option : path.options()) {
            if (option.path("focused").asBoolean(false)) {
                focused = option;
            } else {
                others.put(option.path("name").asText(), option.path("value"));
            }
        }
        if (focused == null) {
            log.info("autocomplete {} ({}): no focused option", interaction.id(), spec.name());
            return List.of();
        }
        String name = focused.path("name").asText();
        Argument<?> argument = arguments.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
        if (argument == null || argument.autocomplete() == null) {
            log.info("autocomplete {} ({}): option {} has no autocomplete handler", interaction.id(), spec.name(),
                    name);
            return List.of();
        }
        AutocompleteContext ctx = new AutocompleteContext(spec.name(), path.path(), name,
                typed(argument.type().optionType(), focused.path("value")), Map.copyOf(others),
                interaction.user() == null ? null : interaction.user().id(), interaction.guildId(),
                interaction.channelId(), interaction.json().path("locale").asText(null), services.hubClient());
        List<Choice> choices = argument.autocomplete().complete(ctx);
        return choices == null ? List.of() : choices;
    }

    /** The focused value as the option's type; a partly typed number that does not parse stays text. */
    static Object typed(OptionType type, JsonNode value) {
        String text = value.asText("");
        try {
            return switch (type) {
                case INTEGER -> value.isIntegralNumber() ? (Object) value.asLong() : Long.valueOf(text);
                case NUMBER -> value.isNumber() ? (Object) value.asDouble() : Double.valueOf(text);
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
