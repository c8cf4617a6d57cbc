package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import java.time.Duration;

/**
 * {@code filter <preset>}: asks the player's current filters ({@code PLAYER_QUEUE list}), merges the preset into
 * them ({@link FilterPresets}) and sends {@code PLAYER_FILTERS {filters}}, which replaces all of them.
 */
public final class FilterCommand implements Command {

    static final Argument<String> PRESET = Argument.of("preset", ArgumentTypes.TEXT).describedAs("the effect")
            .choices(Choice.of("Nightcore", "nightcore"), Choice.of("Vaporwave", "vaporwave"), Choice.of("8D", "8d"),
                    Choice.of("Bass boost", "bassboost"), Choice.of("Reset (no filters)", FilterPresets.RESET));

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("filter").description("Applies an audio effect to the music.")
                .cooldown(Duration.ofSeconds(1)).arguments(PRESET).build();
    }

    @Override
    public void execute(CommandContext ctx) throws Exception {
        String preset = ctx.get(PRESET);
        ObjectNode list = Music.data(ctx);
        list.put("action", "list");
        JsonNode current = Music.player(Music.request(ctx, "PLAYER_QUEUE", list)).path("filters");
        ObjectNode data = Music.data(ctx);
        data.set("filters", FilterPresets.merge(current, preset));
        Music.request(ctx, "PLAYER_FILTERS", data);
        ctx.reply(preset.equals(FilterPresets.RESET) ? "Filters cleared." : "Filter **" + preset + "** on.");
    }
}
