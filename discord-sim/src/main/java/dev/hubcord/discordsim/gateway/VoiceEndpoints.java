package dev.hubcord.discordsim.gateway;

/**
 * Where the gateway sends a bot that joined voice: told the guild and the channel the bot joined (as Discord's main
 * gateway tells its voice server), it answers the {@code endpoint} of VOICE_SERVER_UPDATE, {@code host:port} without
 * a scheme. The gateway knows nothing of the voice server behind it.
 */
@FunctionalInterface
public interface VoiceEndpoints {

    String join(long guildId, long channelId);
}
