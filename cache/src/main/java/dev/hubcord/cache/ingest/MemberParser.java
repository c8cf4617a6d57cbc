package dev.hubcord.cache.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hubcord.cache.CacheException;
import dev.hubcord.cache.CacheException.Kind;
import java.io.IOException;

/**
 * Streaming reader for member payloads, the hot path: no tree, no databind, one pass. The same
 * code reads a top-level op 5 member, a member inside a guild's {@code members} array and (through
 * {@code treeAsTokens}) a member given as a tree.
 */
final class MemberParser {

    private MemberParser() {
    }

    /**
     * Reads a top-level op 5 object whose first token is current.
     *
     * @return the payload, or null when {@code type} is not {@code member} (the caller then reads a tree)
     */
    static CachePayload readTopLevel(JsonParser p) throws IOException {
        State s = new State();
        if (!read(p, s, true)) {
            return null;
        }
        if (s.type == null) {
            throw new CacheException(Kind.UNKNOWN_TYPE, "payload has no type");
        }
        long guildId = s.require(s.guildId, s.hasGuildId, "member.guildID");
        long id = s.memberId(true);
        if (s.delete) {
            return new CachePayload.MemberDelete(guildId, id);
        }
        return new CachePayload.MemberUpsert(s.draft(guildId, id));
    }

    /** Reads a member inside a guild payload; its guild is the enclosing guild. */
    static MemberDraft readEmbedded(JsonParser p, long guildId) throws IOException {
        State s = new State();
        read(p, s, false);
        if (s.hasGuildId && s.guildId != guildId) {
            throw new CacheException(Kind.INVALID_FIELD, "guild.members[].guildID differs from the guild's id");
        }
        return s.draft(guildId, s.memberId(false));
    }

    private static boolean read(JsonParser p, State s, boolean topLevel) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new CacheException(Kind.NOT_AN_OBJECT, "member payload is not a JSON object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "type" -> {
                    if (!topLevel) {
                        p.skipChildren();
                        continue;
                    }
                    if (p.currentToken() != JsonToken.VALUE_STRING || !"member".equals(p.getText())) {
                        return false; // not a member: the tree path validates and dispatches
                    }
                    s.type = p.getText();
                    if (s.type == null) {
                        return false;
                    }
                }
                case "delete" -> s.delete = Boolean.TRUE.equals(StreamValues.bool(p, "delete"));
                case "id" -> {
                    s.id = StreamValues.snowflake(p, "member.id");
                    s.hasId = true;
                }
                case "guildID" -> {
                    s.guildId = StreamValues.snowflake(p, "member.guildID");
                    s.hasGuildId = true;
                }
                case "nickname", "nick" -> {
                    s.nickname = StreamValues.text(p, "member.nickname");
                    s.hasNickname = true;
                }
                case "roles" -> s.roles = StreamValues.snowflakeArray(p, "member.roles");
                case "joinedAt" -> {
                    s.joinedAt = StreamValues.timestamp(p, "member.joinedAt");
                    s.hasJoinedAt = true;
                }
                case "avatar" -> {
                    s.avatar = StreamValues.text(p, "member.avatar");
                    s.hasAvatar = true;
                }
                case "communicationDisabledUntil" -> {
                    s.timeout = StreamValues.timestamp(p, "member.communicationDisabledUntil");
                    s.hasTimeout = true;
                }
                case "pending" -> s.pending = StreamValues.bool(p, "member.pending");
                case "deaf" -> s.deaf = StreamValues.bool(p, "member.deaf");
                case "mute" -> s.mute = StreamValues.bool(p, "member.mute");
                case "user" -> s.user = p.currentToken() == JsonToken.VALUE_NULL ? null : readUser(p, "member.user");
                default -> p.skipChildren();
            }
        }
        return true;
    }

    /** Reads a user object; shared with the tree path for standalone users. */
    static UserDraft readUser(JsonParser p, String where) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new CacheException(Kind.NOT_AN_OBJECT, where + " is not a JSON object");
        }
        long id = 0;
        boolean hasId = false;
        String username = null;
        int discriminator = -1;
        String globalName = null;
        boolean hasGlobalName = false;
        String avatar = null;
        boolean hasAvatar = false;
        Boolean bot = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "id" -> {
                    id = StreamValues.snowflake(p, where + ".id");
                    hasId = true;
                }
                case "username" -> username = StreamValues.text(p, where + ".username");
                case "discriminator" -> discriminator = StreamValues.discriminator(p, where + ".discriminator");
                case "globalName" -> {
                    globalName = StreamValues.text(p, where + ".globalName");
                    hasGlobalName = true;
                }
                case "avatar" -> {
                    avatar = StreamValues.text(p, where + ".avatar");
                    hasAvatar = true;
                }
                case "bot" -> bot = StreamValues.bool(p, where + ".bot");
                default -> p.skipChildren();
            }
        }
        if (!hasId) {
            throw new CacheException(Kind.MISSING_FIELD, where + ".id is missing");
        }
        return new UserDraft(id, username, discriminator, globalName, hasGlobalName, avatar, hasAvatar, bot);
    }

    /** Fields seen so far; absent and null are kept apart. */
    private static final class State {
        String type;
        boolean delete;
        long id;
        boolean hasId;
        long guildId;
        boolean hasGuildId;
        String nickname;
        boolean hasNickname;
        long[] roles;
        long joinedAt;
        boolean hasJoinedAt;
        String avatar;
        boolean hasAvatar;
        long timeout;
        boolean hasTimeout;
        Boolean pending;
        Boolean deaf;
        Boolean mute;
        UserDraft user;

        long require(long value, boolean present, String field) {
            if (!present) {
                throw new CacheException(Kind.MISSING_FIELD, field + " is missing");
            }
            return value;
        }

        /** The member's ID is its user's ID; either field may carry it. */
        long memberId(boolean topLevel) {
            String where = topLevel ? "member" : "guild.members[]";
            if (hasId && user != null && user.id() != id) {
                throw new CacheException(Kind.INVALID_FIELD, where + ".id differs from user.id");
            }
            if (hasId) {
                return id;
            }
            if (user != null) {
                return user.id();
            }
            throw new CacheException(Kind.MISSING_FIELD, where + ".id is missing");
        }

        MemberDraft draft(long guildId, long userId) {
            return new MemberDraft(guildId, userId, nickname, hasNickname, roles, joinedAt, hasJoinedAt, avatar,
                    hasAvatar, timeout, hasTimeout, pending, deaf, mute, user);
        }
    }
}
