package dev.hubcord.commands.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Subcommand;
import dev.hubcord.commands.api.UsageException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which subcommand an invocation names, and what is left for its arguments: from Discord's nested options
 * ({@code [{type 2, name, options: [{type 1, name, options}]}]}) or from the first words of a prefix command.
 *
 * @param path {@code "sub"} or {@code "group sub"}, or null for a command without subcommands
 * @param subcommand the declared subcommand, or null
 * @param options the leaf options (interactions)
 * @param raw the text after the subcommand's name(s) (prefix commands)
 */
public record SubcommandPath(String path, Subcommand subcommand, JsonNode options, String raw) {

    /** From interaction options. */
    public static SubcommandPath ofOptions(CommandSpec spec, JsonNode options) {
        if (!spec.declaration().hasSubcommands()) {
            return new SubcommandPath(null, null, options, "");
        }
        JsonNode first = options.path(0);
        String name = first.path("name").asText("");
        JsonNode leaf = first.path("options");
        if (first.path("type").asInt() == 2) {
            name += " " + leaf.path(0).path("name").asText("");
            leaf = leaf.path(0).path("options");
        }
        String path = name;
        Subcommand sub = spec.subcommand(path).orElseThrow(() -> new UsageException("`" + spec.name()
                + "` has no subcommand `" + path.trim() + "`."));
        return new SubcommandPath(path, sub, leaf.isMissingNode() ? MissingNode.getInstance() : leaf, "");
    }

    /** From a prefix command's text: its first word (two for a group) names the subcommand. */
    public static SubcommandPath ofText(CommandSpec spec, String raw) {
        if (!spec.declaration().hasSubcommands()) {
            return new SubcommandPath(null, null, MissingNode.getInstance(), raw);
        }
        String[] words = raw.strip().split("\\s+", 3);
        String first = words[0];
        boolean group = spec.declaration().groups().stream().anyMatch(g -> g.name().equals(first));
        String path = group && words.length > 1 ? first + " " + words[1] : first;
        int used = group ? 2 : 1;
        String rest = words.length > used ? String.join(" ", List.of(words).subList(used, words.length)) : "";
        Subcommand sub = spec.subcommand(path).orElseThrow(() -> new UsageException("Use one of: "
                + names(spec) + "."));
        return new SubcommandPath(path, sub, MissingNode.getInstance(), rest);
    }

    private static String names(CommandSpec spec) {
        var d = spec.declaration();
        return java.util.stream.Stream.concat(d.subcommands().stream().map(s -> "`" + s.name() + "`"),
                d.groups().stream().flatMap(g -> g.subcommands().stream().map(s -> "`" + g.name() + " " + s.name()
                        + "`"))).collect(Collectors.joining(", "));
    }
}
