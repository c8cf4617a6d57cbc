package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The proposals cached in the current epoch, by reference, in arrival order (libdave's {@code proposalQueue_}). */
final class ProposalQueue {

    private record Entry(byte[] ref, boolean add) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private boolean seen;

    void markSeen() {
        seen = true;
    }

    /** Whether any op 27 was processed since the last epoch change (a commit is only expected then). */
    boolean seen() {
        return seen;
    }

    void append(byte[] ref, boolean add) {
        entries.add(new Entry(ref, add));
    }

    /** Removes each reference; all must be known, as in libdave. */
    void revoke(List<byte[]> refs) {
        for (byte[] ref : refs) {
            if (!entries.removeIf(e -> Arrays.equals(e.ref(), ref))) {
                throw new DaveException(DaveException.Kind.MLS_FAILURE, "cannot revoke an unknown proposal");
            }
        }
    }

    boolean contains(byte[] ref) {
        return entries.stream().anyMatch(e -> Arrays.equals(e.ref(), ref));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean hasAdds() {
        return entries.stream().anyMatch(Entry::add);
    }

    void clear() {
        entries.clear();
        seen = false;
    }
}
