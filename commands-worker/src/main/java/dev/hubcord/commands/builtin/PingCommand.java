package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.discordrest.RestRequest;
import java.time.Duration;

/** {@code ping}: round trips to the hub's REST API and to Discord's REST API. */
public final class PingCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("ping").description("Shows the hub and Discord REST latency.")
                .cooldown(Duration.ofSeconds(2)).allowDirectMessages().build();
    }

    @Override
    public void execute(CommandContext ctx) {
        long hub = ctx.hub().ping();
        // GET /gateway: unauthenticated, cheap, and outside the per-route buckets the commands use.
        long start = System.nanoTime();
        ctx.discord().rest().execute(RestRequest.of("GET", "/gateway"));
        long discord = (System.nanoTime() - start) / 1_000_000;
        ctx.reply("Pong! Hub: " + hub + " ms, Discord REST: " + discord + " ms.");
    }
}
