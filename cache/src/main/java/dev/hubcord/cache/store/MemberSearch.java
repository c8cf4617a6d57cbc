package dev.hubcord.cache.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The member search predicate: a case-insensitive prefix of the nickname, username or global
 * name, or an exact {@code username#discriminator}. It reads the stored bytes (the segment's
 * nickname, the user's {@link UserBlob}) in place, so testing a member allocates nothing; only
 * members that match are decoded, by the caller.
 */
final class MemberSearch implements MemberSegment.Filter {

    private final UserStore users;
    private final Utf8Prefix prefix;
    /** UTF-8 of the name before the last '#', or null when the query cannot be an exact tag. */
    private final byte[] tagName;
    private final String tagDiscriminator;

    MemberSearch(String query, UserStore users) {
        this.users = users;
        this.prefix = new Utf8Prefix(query);
        int hash = query.lastIndexOf('#');
        String name = hash > 0 ? query.substring(0, hash) : null;
        byte[] bytes = name == null ? null : name.getBytes(StandardCharsets.UTF_8);
        // A name with an unpaired surrogate never equals a decoded username, though its UTF-8
        // (where the surrogate became '?') might equal the stored bytes: keep it from matching.
        this.tagName = bytes != null && new String(bytes, StandardCharsets.UTF_8).equals(name) ? bytes : null;
        this.tagDiscriminator = hash > 0 ? query.substring(hash + 1) : null;
    }

    @Override
    public boolean accepts(long userId, byte[] nickname) {
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
