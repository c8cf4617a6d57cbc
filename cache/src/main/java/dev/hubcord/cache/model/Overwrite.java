package dev.hubcord.cache.model;

/** A channel permission overwrite for a role or a member. */
public record Overwrite(long id, Type type, long allow, long deny) {

    /** Discord's overwrite types: 0 role, 1 member. */
    public enum Type { ROLE, MEMBER }
}
