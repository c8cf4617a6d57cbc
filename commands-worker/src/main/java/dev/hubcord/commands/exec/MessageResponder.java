package dev.hubcord.commands.exec;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.discord.Nonces;
import dev.hubcord.commands.interactions.Reply;

/**
 * Prefix commands: each answer is a reply to the invoking message (without pinging its author), with a nonce
 * derived from the invoking message and the answer's step and {@code enforce_nonce}, so that a rerun after a
 * worker died (or a retry after a timeout) gets Discord's first message back instead of posting a second.
 */
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
    public void reply(Reply reply, String step) {
        String nonce = messageId == null ? null : Nonces.of("message:" + messageId, step);
        discord.createMessage(channelId, reply.toJson(false), messageId, nonce, reply.files());
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
