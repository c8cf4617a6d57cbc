package dev.hubcord.commands.interactions;

import dev.hubcord.commands.hub.HubRole;
import dev.hubcord.commands.hub.HubUser;

/** A mentionable option's value: a user or a role. */
public sealed interface Mentionable {

    String id();

    /** A user (with the member when the option was used in a guild and Discord resolved it). */
    record User(HubUser user, dev.hubcord.commands.hub.HubMember member) implements Mentionable {
        @Override
        public String id() {
            return user.id();
        }
    }

    /** A role. */
    record Role(HubRole role) implements Mentionable {
        @Override
        public String id() {
            return role.id();
        }
    }
}
