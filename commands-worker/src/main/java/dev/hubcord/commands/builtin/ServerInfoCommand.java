package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.hub.HubGuild;

/** {@code serverinfo}: the guild from the hub's cache. */
public final class ServerInfoCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("serverinfo").aliases("guildinfo", "si").description("Shows this server's details.")
                .build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubGuild g = ctx.hub().guild(ctx.guildId())
                .orElseThrow(() -> new CommandException("I don't have this server in my cache yet."));
        ctx.reply("**" + Texts.plain(g.name()) + "**"
                + "\nID: " + g.id()
                + "\nOwner: <@" + g.ownerId() + ">"
                + "\nCreated: " + Texts.time(Texts.createdAt(g.id()))
                + "\nMembers: " + g.memberCount()
                + "\nChannels: " + g.channelCount()
                + "\nRoles: " + g.roleCount()
                + "\nIn voice: " + g.voiceStateCount());
    }
}
