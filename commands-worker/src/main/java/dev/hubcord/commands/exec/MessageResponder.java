package dev.hubcord.commands.exec;

import dev.hubcord.commands.discord.DiscordApi;

/** Prefix commands: each answer is a reply to the invoking message (without pinging its author). */
final class MessageResponder implements Responder {

    private final DiscordApi discord;
    private final String channelId;
    private final String messageId;

    MessageResponder(DiscordApi discord, String channelId, String messageId) {
        this.discord = discord;
        this.channelId = channelId;
        this.messageId = messageId;
    }

    @Override
    public void reply(String content, boolean privately) {
        discord.createMessage(channelId, DiscordApi.message(content), messageId);
    }

    @Override
    public void defer() {
        // A message needs no acknowledgement.
    }

    @Override
    public void finish() {
        // Nothing pending.
    }
}
