package dev.hubcord.cache.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The member search predicate: a case-insensitive prefix of the nickname, username or global
 * name, or an exact {@code username#discriminator}. It first tests the member's {@link NameKey}s
 * (no user lookup), then reads the stored bytes (the segment's nickname, the user's
 * {@link UserBlob}) in place, so testing a member allocates nothing; only members that match are
 * decoded, by the caller. It counts its work against a budget so a caller on an event loop can
 * stop a search that would take too long and run it elsewhere.
 */
final class MemberSearch implements MemberSegment.Filter {

    private final UserStore users;
    private final Utf8Prefix prefix;
    /** UTF-8 of the name before the last '#', or null when the query cannot be an exact tag. */
    private final byte[] tagName;
    private final String tagDiscriminator;
    /** Both a prefix match and a tag match need the name to start with this probe's letters. */
    private final NameKey.Probe probe;
    /** Work left before the search gives up, in {@link #SCAN_COST} and {@link #LOOK_COST} units. */
    private long budget;

    /** Cost of testing one member's keys, and of looking one member's user up (a cache miss or more). */
    static final int SCAN_COST = 1;
    static final int LOOK_COST = 25;

    MemberSearch(String query, UserStore users, long budget) {
        this.users = users;
        this.budget = budget;
        this.prefix = new Utf8Prefix(query);
        int hash = query.lastIndexOf('#');
        String name = hash > 0 ? query.substring(0, hash) : null;
        this.probe = NameKey.Probe.of(name != null ? name : query);
        byte[] bytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        // A name with an unpaired surrogate never equals a decoded username, though its UTF-8
        // (where the surrogate became '?') might equal the stored bytes: keep it from matching.
        this.tagName = bytes != null && new String(bytes, StandardCharsets.UTF_8).equals(name) ? bytes : null;
        this.tagDiscriminator = hash > 0 ? query.substring(hash + 1) : null;
    }

    /** Whether the work budget ran out; the results so far are then incomplete. */
    boolean exhausted() {
        return budget < 0;
    }

    @Override
    public boolean mayMatch(byte nickKey, byte usernameKey, byte globalNameKey) {
        budget -= SCAN_COST;
        return budget >= 0 && (probe.passes(nickKey) || probe.passes(usernameKey) || probe.passes(globalNameKey));
    }

    @Override
    public boolean accepts(long userId, byte[] nickname) {
        budget -= LOOK_COST;
        return nickname != null && prefix.matches(nickname, 0, nickname.length) || matchesUser(users.blobOf(userId));
    }

    /** Whether a member matches, given its stored nickname and its user's blob (either may be null). */
    boolean matches(byte[] nickname, byte[] blob) {
        return nickname != null && prefix.matches(nickname, 0, nickname.length) || matchesUser(blob);
    }

    private boolean matchesUser(byte[] blob) {
        if (blob == null) {
            return false;
        }
        int name = UserBlob.usernameAt(blob);
        int nameLength = name < 0 ? 0 : blob[name] & 0xff;
        if (name >= 0 && prefix.matches(blob, name + 1, nameLength)) {
            return true;
        }
        int global = UserBlob.globalNameAt(blob);
        if (global >= 0 && prefix.matches(blob, global + 1, blob[global] & 0xff)) {
            return true;
        }
        // Only an exact username reaches the discriminator, so its string costs nothing in a scan.
        return tagName != null && name >= 0
                && Arrays.equals(blob, name + 1, name + 1 + nameLength, tagName, 0, tagName.length)
                && UserBlob.discriminatorText(UserBlob.discriminator(blob)).equals(tagDiscriminator);
    }
}
