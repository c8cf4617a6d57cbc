package dev.hubcord.dave.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The external proposals of the current epoch that are neither committed nor revoked, with who received each one. A
 * committer must reference exactly the proposals it was sent (in the pending phase each member is sent the others'
 * adds, never its own).
 */
final class ProposalBook {

    /** One outstanding proposal. */
    static final class Entry {
        final byte[] ref;
        final byte[] message;
        final long subject;
        final boolean add;
        final int removedLeaf;
        final Set<Long> recipients = new LinkedHashSet<>();

        Entry(byte[] ref, byte[] message, long subject, boolean add, int removedLeaf) {
            this.ref = ref;
            this.message = message;
            this.subject = subject;
            this.add = add;
            this.removedLeaf = removedLeaf;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry record(ExternalSenderKeys.SignedProposal proposal, long subject, boolean add, int removedLeaf) {
        Entry entry = new Entry(proposal.ref(), proposal.message(), subject, add, removedLeaf);
        entries.add(entry);
        return entry;
    }

    List<Entry> entries() {
        return entries;
    }

    Entry byRef(byte[] ref) {
        return entries.stream().filter(e -> Arrays.equals(e.ref, ref)).findFirst().orElse(null);
    }

    Entry pendingAddFor(long user) {
        return entries.stream().filter(e -> e.add && e.subject == user).findFirst().orElse(null);
    }

    boolean hasRemoveFor(long user) {
        return entries.stream().anyMatch(e -> !e.add && e.subject == user);
    }

    /** Whether {@code refs} are exactly the outstanding proposals sent to {@code committer}, each once. */
    boolean matchesSentTo(long committer, List<byte[]> refs) {
        List<Entry> sent = entries.stream().filter(e -> e.recipients.contains(committer)).toList();
        if (refs.isEmpty() || refs.size() != sent.size()) {
            return false;
        }
        Set<Entry> seen = new LinkedHashSet<>();
        for (byte[] ref : refs) {
            Entry e = byRef(ref);
            if (e == null || !e.recipients.contains(committer) || !seen.add(e)) {
                return false;
            }
        }
        return true;
    }

    void remove(Entry entry) {
        entries.remove(entry);
    }

    /** Drops every entry about {@code user} and returns them (for revocation). */
    List<Entry> removeAbout(long user, boolean adds) {
        List<Entry> removed = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.subject == user && e.add == adds) {
                removed.add(e);
                it.remove();
            }
        }
        return removed;
    }

    void clear() {
        entries.clear();
    }
}
