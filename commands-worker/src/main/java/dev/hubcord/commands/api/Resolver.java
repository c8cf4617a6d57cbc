package dev.hubcord.commands.api;

import dev.hubcord.commands.hub.HubApi;

/** What argument types may look things up in: the hub's cache, in the guild the command runs in. */
public interface Resolver {

    HubApi hub();

    /** The guild of the invocation, or {@code null} in a DM. */
    String guildId();
}
