package dev.hubcord.dave.mls;

import dev.hubcord.dave.DaveException;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.mls.protocol.CachedProposal;
import org.bouncycastle.mls.protocol.Group;

/**
 * The one place that reaches into bcmls internals. DAVE lets the voice gateway revoke proposals it already sent (op 27
 * with operation 1), and the next commit must then leave them out. bcmls' {@link Group} only appends to its private
 * proposal cache and cannot be copied, so a revoked proposal is removed from that cache by reflection (libdave instead
 * rebuilds a copy of its mlspp state without them). Works on the class path, where bcmls is an unnamed module; checked
 * once at class load so a bcmls upgrade that renames the fields fails loudly.
 */
final class BcGroupAccess {

    private static final Field PENDING;
    private static final Field REF;

    static {
        try {
            PENDING = Group.class.getDeclaredField("pendingProposals");
            PENDING.setAccessible(true);
            REF = CachedProposal.class.getDeclaredField("proposalRef");
            REF.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("bcmls internals changed: " + e);
        }
    }

    private BcGroupAccess() {
    }

    /** Drops the cached proposals whose references are in {@code refs}; returns how many were removed. */
    static int removeCachedProposals(Group group, Collection<byte[]> refs) {
        try {
            @SuppressWarnings("unchecked")
            List<CachedProposal> pending = (List<CachedProposal>) PENDING.get(group);
            int before = pending.size();
            pending.removeIf(cached -> {
                byte[] ref = refOf(cached);
                return refs.stream().anyMatch(r -> Arrays.equals(r, ref));
            });
            return before - pending.size();
        } catch (IllegalAccessException e) {
            throw new DaveException(DaveException.Kind.MLS_FAILURE, "cannot edit bcmls proposal cache", e);
        }
    }

    private static byte[] refOf(CachedProposal cached) {
        try {
            return (byte[]) REF.get(cached);
        } catch (IllegalAccessException e) {
            throw new DaveException(DaveException.Kind.MLS_FAILURE, "cannot read bcmls proposal ref", e);
        }
    }
}
