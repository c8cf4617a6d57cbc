package dev.hubcord.protocol.client;

/**
 * The bot's Discord identity as a sharder reported it (IDENTIFIED's {@code bot}, event {@code BOT_INFO}).
 *
 * @param userId the bot user's ID ({@code userID})
 * @param applicationId the application's ID ({@code applicationID})
 */
public record BotInfo(String userId, String applicationId) {}
