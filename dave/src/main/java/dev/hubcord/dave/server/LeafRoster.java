package dev.hubcord.dave.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway's view of the ratchet tree's leaves: which user sits at which leaf index. It follows RFC 9420's
 * placement rules without any key material: removes blank a leaf, adds take the leftmost blank leaf or extend the
 * tree, and trailing blank leaves are truncated after a commit.
 */
final class LeafRoster {

    private final List<Long> leaves = new ArrayList<>();

    /** Places {@code userId} and returns its leaf index. */
    int add(long userId) {
        int blank = leaves.indexOf(null);
        if (blank >= 0) {
            leaves.set(blank, userId);
            return blank;
        }
        leaves.add(userId);
        return leaves.size() - 1;
    }

    void blank(int leafIndex) {
        leaves.set(leafIndex, null);
    }

    void truncate() {
        while (!leaves.isEmpty() && leaves.getLast() == null) {
            leaves.removeLast();
        }
    }

    /** The leaf index of {@code userId}, or -1. */
    int indexOf(long userId) {
        return leaves.indexOf(userId);
    }

    Long userAt(int leafIndex) {
        return leafIndex < leaves.size() ? leaves.get(leafIndex) : null;
    }

    Set<Long> users() {
        Set<Long> users = new LinkedHashSet<>();
        for (Long user : leaves) {
            if (user != null) {
                users.add(user);
            }
        }
        return users;
    }

    void clear() {
        leaves.clear();
    }

    LeafRoster copy() {
        LeafRoster copy = new LeafRoster();
        copy.leaves.addAll(leaves);
        return copy;
    }
}
