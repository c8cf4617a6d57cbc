package dev.hubcord.discordsim.population;

/** A Discord user. Users are shared across guilds: the same id may be a member of many guilds. */
public record SimUser(long id, String username, String globalName, String avatar, boolean bot) {}
