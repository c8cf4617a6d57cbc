package dev.hubcord.commands.api;

import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.interactions.Resolved;
import dev.hubcord.commands.lookup.MemberDirectory;
import java.util.Optional;

/** What argument types may look things up in: the hub's cache, in the guild the command runs in. */
public interface Resolver {

    HubApi hub();

    /** The guild of the invocation, or {@code null} in a DM. */
    String guildId();

    /**
     * Members and users: the hub's cache, and in a running worker Discord's REST API on a cache miss (the answer then
     * goes to the hub's cache). By default the cache only.
     */
    default MemberDirectory members() {
        return MemberDirectory.cacheOnly(hub());
    }

    /** An interaction's {@code resolved} data (users, members, roles, channels, attachments), for slash commands. */
    default Optional<Resolved> resolved() {
        return Optional.empty();
    }
}
