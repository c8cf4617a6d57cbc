package dev.hubcord.cache.store;

import dev.hubcord.cache.model.User;

/** The member search predicate: case-insensitive prefix of names, or an exact {@code name#discriminator}. */
final class MemberSearch {

    private final String query;
    private final String tagName;
    private final String tagDiscriminator;

    MemberSearch(String query) {
        this.query = query;
        int hash = query.lastIndexOf('#');
        this.tagName = hash > 0 ? query.substring(0, hash) : null;
        this.tagDiscriminator = hash > 0 ? query.substring(hash + 1) : null;
    }

    boolean prefixOf(String text) {
        return text != null && text.regionMatches(true, 0, query, 0, query.length());
    }

    boolean matches(User u) {
        if (prefixOf(u.username()) || prefixOf(u.globalName())) {
            return true;
        }
        return tagName != null && tagName.equals(u.username()) && tagDiscriminator.equals(u.discriminator());
    }
}
