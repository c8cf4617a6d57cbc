package dev.hubcord.commands.registration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Declaration;
import dev.hubcord.commands.api.OptionType;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.api.Subcommand;
import dev.hubcord.protocol.codec.Json;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link CommandSpec} as Discord's application command object (what {@code POST .../commands} takes). Arguments
 * become options in declaration order, required ones first (Discord's rule); flags are options like the others; an
 * empty description becomes the name (Discord requires 1-100 characters for chat input commands and options).
 */
public final class CommandJson {

    private CommandJson() {
    }

    public static ObjectNode of(CommandSpec spec) {
        Declaration d = spec.declaration();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("type", d.kind().code());
        o.put("name", spec.name());
        boolean chat = d.kind() == Declaration.Kind.CHAT_INPUT;
        o.put("description", chat ? orName(spec.description(), spec.name()) : "");
        d.localizations().describe(o, chat);
        if (chat) {
            ArrayNode options = o.putArray("options");
            if (d.hasSubcommands()) {
                d.subcommands().forEach(s -> options.add(subcommand(s)));
                for (Subcommand.Group g : d.groups()) {
                    ObjectNode group = options.addObject().put("type", OptionType.SUB_COMMAND_GROUP.code())
                            .put("name", g.name()).put("description", orName(g.description(), g.name()));
                    g.localizations().describe(group, true);
                    ArrayNode subs = group.putArray("options");
                    g.subcommands().forEach(s -> subs.add(subcommand(s)));
                }
            } else {
                arguments(options, spec.arguments());
            }
        }
        if (d.defaultMemberPermissions() == null) {
            o.putNull("default_member_permissions");
        } else {
            long bits = d.defaultMemberPermissions().stream().mapToLong(Permission::bit).reduce(0, (a, b) -> a | b);
            o.put("default_member_permissions", Long.toString(bits));
        }
        if (!d.contexts().isEmpty()) {
            ArrayNode c = o.putArray("contexts");
            d.contexts().stream().sorted().forEach(x -> c.add(x.ordinal()));
        }
        if (!d.integrationTypes().isEmpty()) {
            ArrayNode t = o.putArray("integration_types");
            d.integrationTypes().stream().sorted().forEach(x -> t.add(x.ordinal()));
        }
        o.put("nsfw", d.nsfw());
        return o;
    }

    private static ObjectNode subcommand(Subcommand s) {
        ObjectNode o = Json.mapper().createObjectNode().put("type", OptionType.SUB_COMMAND.code())
                .put("name", s.name()).put("description", orName(s.description(), s.name()));
        s.localizations().describe(o, true);
        arguments(o.putArray("options"), s.arguments());
        return o;
    }

    private static void arguments(ArrayNode options, List<Argument<?>> arguments) {
        arguments.stream().sorted(Comparator.comparing(a -> !a.required())).forEach(a -> options.add(option(a)));
    }

    static ObjectNode option(Argument<?> a) {
        ObjectNode o = Json.mapper().createObjectNode().put("type", a.type().optionType().code())
                .put("name", a.name()).put("description", orName(a.description(), a.type().label()));
        a.localizations().describe(o, true);
        o.put("required", a.required());
        a.type().describe(o);
        if (!a.choices().isEmpty()) {
            ArrayNode c = o.putArray("choices");
            for (Choice choice : a.choices()) {
                c.add(choice.toJson());
            }
        }
        if (a.autocomplete() != null) {
            o.put("autocomplete", true);
        }
        return o;
    }

    private static String orName(String description, String name) {
        return description == null || description.isBlank() ? name : description;
    }
}
