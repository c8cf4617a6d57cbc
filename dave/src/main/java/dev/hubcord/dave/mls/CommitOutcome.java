package dev.hubcord.dave.mls;

import java.util.Set;

/** What processing an announced commit (op 29) did, as libdave's {@code RosterVariant}. */
public sealed interface CommitOutcome {

    /** Not for us (no group, another group, or no proposals seen this epoch): drop it, no reply. */
    record Ignored(String reason) implements CommitOutcome {
    }

    /** The commit could not be applied: report op 31 and start over with a fresh key package. */
    record Failed(String reason) implements CommitOutcome {
    }

    /** Applied: the group is at a new epoch with these members (user ids). */
    record Applied(long epoch, Set<Long> roster) implements CommitOutcome {
    }
}
