package dev.hubcord.cache.store;

import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.CacheException.Kind;
import dev.hubcord.cache.ingest.UserDraft;
import dev.hubcord.cache.model.User;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A user's text and flags packed into one byte array: one object per user instead of a record
 * plus three strings. An avatar hash (32 hex digits, "a_" for animated) is kept as 16 raw bytes.
 *
 * <pre>
 * [flags][discriminator:2][avatar: 16 bytes | len+utf8 | nothing][len+username][len+globalName]
 * </pre>
 */
final class UserBlob {

    private static final int BOT = 1;
    private static final int AVATAR_MASK = 6;
    private static final int AVATAR_HEX = 2;
    private static final int AVATAR_ANIMATED = 4;
    private static final int AVATAR_TEXT = 6;
    private static final int HAS_GLOBAL_NAME = 8;
    private static final int HAS_USERNAME = 16;
    private static final HexFormat HEX = HexFormat.of();

    private UserBlob() {
    }

    /** The blob for {@code draft} laid over {@code old} (null when the user is new). */
    static byte[] merge(byte[] old, UserDraft draft) {
        if (old == null || draft.complete()) {
            return encode(draft.username(), Math.max(draft.discriminator(), 0), draft.globalName(), draft.avatar(),
                    Boolean.TRUE.equals(draft.bot()));
        }
        User prev = decode(draft.id(), old);
        return encode(draft.username() != null ? draft.username() : prev.username(),
                draft.discriminator() >= 0 ? draft.discriminator() : Integer.parseInt(prev.discriminator()),
                draft.hasGlobalName() ? draft.globalName() : prev.globalName(),
                draft.hasAvatar() ? draft.avatar() : prev.avatar(),
                draft.bot() != null ? draft.bot() : prev.bot());
    }

    static byte[] encode(String username, int discriminator, String globalName, String avatar, boolean bot) {
        byte[] name = username == null ? null : utf8(username, "user.username");
        byte[] global = globalName == null ? null : utf8(globalName, "user.globalName");
        int flags = (bot ? BOT : 0) | (name != null ? HAS_USERNAME : 0) | (global != null ? HAS_GLOBAL_NAME : 0);
        byte[] avatarBytes = null;
        int avatarKind = 0;
        if (avatar != null) {
            String hex = avatar.startsWith("a_") ? avatar.substring(2) : avatar;
            if (hex.length() == 32 && isLowerHex(hex)) {
                avatarKind = avatar.startsWith("a_") ? AVATAR_ANIMATED : AVATAR_HEX;
                avatarBytes = HEX.parseHex(hex);
            } else {
                avatarKind = AVATAR_TEXT;
                avatarBytes = utf8(avatar, "user.avatar");
            }
        }
        flags |= avatarKind;
        int size = 3 + (avatarBytes == null ? 0 : avatarBytes.length + (avatarKind == AVATAR_TEXT ? 1 : 0))
                + (name == null ? 0 : name.length + 1) + (global == null ? 0 : global.length + 1);
        byte[] b = new byte[size];
        b[0] = (byte) flags;
        b[1] = (byte) (discriminator >> 8);
        b[2] = (byte) discriminator;
        int at = 3;
        if (avatarKind == AVATAR_TEXT) {
            b[at++] = (byte) avatarBytes.length;
        }
        if (avatarBytes != null) {
            System.arraycopy(avatarBytes, 0, b, at, avatarBytes.length);
            at += avatarBytes.length;
        }
        at = put(b, at, name);
        put(b, at, global);
        return b;
    }

    static User decode(long id, byte[] b) {
        if (b == null) {
            return new User(id, null, "0", null, null, false);
        }
        int flags = b[0];
        int kind = flags & AVATAR_MASK;
        String avatar = null;
        if (kind == AVATAR_TEXT) {
            avatar = new String(b, 4, b[3] & 0xff, StandardCharsets.UTF_8);
        } else if (kind != 0) {
            avatar = (kind == AVATAR_ANIMATED ? "a_" : "") + HEX.formatHex(b, 3, 3 + 16);
        }
        return new User(id, text(b, usernameAt(b)), discriminatorText(discriminator(b)), text(b, globalNameAt(b)),
                avatar, (flags & BOT) != 0);
    }

    /** Where the username's length byte is in {@code b} (its UTF-8 bytes follow), or -1 when it has none. */
    static int usernameAt(byte[] b) {
        return (b[0] & HAS_USERNAME) == 0 ? -1 : namesAt(b);
    }

    /** Where the global name's length byte is in {@code b} (its UTF-8 bytes follow), or -1 when it has none. */
    static int globalNameAt(byte[] b) {
        if ((b[0] & HAS_GLOBAL_NAME) == 0) {
            return -1;
        }
        int at = namesAt(b);
        return (b[0] & HAS_USERNAME) == 0 ? at : at + 1 + (b[at] & 0xff);
    }

    static int discriminator(byte[] b) {
        return ((b[1] & 0xff) << 8) | (b[2] & 0xff);
    }

    /** The discriminator as users see it: "0" for migrated usernames, else four digits. */
    static String discriminatorText(int discriminator) {
        return discriminator == 0 ? "0" : String.format(java.util.Locale.ROOT, "%04d", discriminator);
    }

    /** The first index after the avatar, where the names start. */
    private static int namesAt(byte[] b) {
        int kind = b[0] & AVATAR_MASK;
        return kind == AVATAR_TEXT ? 4 + (b[3] & 0xff) : kind != 0 ? 3 + 16 : 3;
    }

    private static String text(byte[] b, int at) {
        return at < 0 ? null : new String(b, at + 1, b[at] & 0xff, StandardCharsets.UTF_8);
    }

    private static int put(byte[] b, int at, byte[] text) {
        if (text == null) {
            return at;
        }
        b[at++] = (byte) text.length;
        System.arraycopy(text, 0, b, at, text.length);
        return at + text.length;
    }

    private static byte[] utf8(String s, String field) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 255) {
            throw new CacheException(Kind.INVALID_FIELD, field + " is longer than 255 UTF-8 bytes");
        }
        return bytes;
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
