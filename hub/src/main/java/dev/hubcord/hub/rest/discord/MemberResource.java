package dev.hubcord.hub.rest.discord;

import dev.hubcord.cache.DiscordCache;
import dev.hubcord.cache.json.CacheJsonWriter;
import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.SearchOutcome;
import dev.hubcord.hub.rest.RestResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Members: one member, member search, and a member's computed permissions. A search runs on the
 * event loop with a budget of {@link #INLINE_BUDGET} work units (about 0.5 ms: a 50,000-member
 * guild's name-prefix keys plus up to 2,000 user lookups); one that needs more is run again by
 * {@link SearchWorkers}, so a big guild or a large limit never stalls the event loop's routing.
 */
final class MemberResource {

    static final long INLINE_BUDGET = 100_000;

    private final DiscordCache cache;
    private final SearchWorkers workers;

    MemberResource(DiscordCache cache, SearchWorkers workers) {
        this.cache = cache;
        this.workers = workers;
    }

    RestResponse member(long guildId, long userId) {
        Optional<Member> member = cache.member(guildId, userId);
        return member.isPresent() ? JsonBody.ok(CacheJsonWriter::member, member.get())
                : Missing.in(cache, guildId, "member", userId);
    }

    RestResponse deleteMember(long guildId, long userId) {
        return cache.deleteMember(guildId, userId) ? RestResponse.noContent()
                : Missing.in(cache, guildId, "member", userId);
    }

    /** {@code ?query=&limit=}: a missing query matches every member; limit is 1 to 1000, default 25. */
    RestResponse search(long guildId, String query, String limitText) {
        int limit = DiscordCache.DEFAULT_SEARCH_LIMIT;
        if (limitText != null) {
            limit = parseLimit(limitText);
            if (limit < 0) {
                return RestResponse.badRequest("limit must be a whole number from 1 to " + DiscordCache.MAX_SEARCH_LIMIT
                        + ", got \"" + Ids.shown(limitText) + "\"");
            }
        }
        String q = query == null ? "" : query;
        return switch (cache.searchMembers(guildId, q, limit, INLINE_BUDGET)) {
            case SearchOutcome.Found f -> JsonBody.okArray(CacheJsonWriter::member, f.members());
            case SearchOutcome.UnknownGuild u -> Missing.guild(guildId);
            case SearchOutcome.OverBudget o -> {
                int n = limit;
                yield workers.submit(() -> {
                    Optional<List<Member>> found = cache.searchMembers(guildId, q, n);
                    return found.isPresent() ? JsonBody.okArray(CacheJsonWriter::member, found.get())
                            : Missing.guild(guildId);
                });
            }
        };
    }

    /** {@code ?channel=}: permissions in that channel; without it, the member's guild-wide permissions. */
    RestResponse permissions(long guildId, long userId, String channelText) {
        OptionalLong permissions;
        if (channelText == null) {
            permissions = cache.permissions(guildId, userId);
        } else if (!Ids.valid(channelText)) {
            return RestResponse.badRequest("malformed channel \"" + Ids.shown(channelText) + "\": IDs are decimal snowflakes");
        } else {
            long channelId = Ids.parse(channelText);
            permissions = cache.permissions(guildId, userId, channelId);
            if (permissions.isEmpty() && cache.member(guildId, userId).isPresent()) {
                return Missing.in(cache, guildId, "channel", channelId);
            }
        }
        if (permissions.isEmpty()) {
            return Missing.in(cache, guildId, "member", userId);
        }
        return JsonBody.ok(CacheJsonWriter::permissions, permissions.getAsLong());
    }

    /** 1 to {@link DiscordCache#MAX_SEARCH_LIMIT}, or -1 when the text is anything else. */
    private static int parseLimit(String text) {
        int n = text.length();
        if (n == 0 || n > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value >= 1 && value <= DiscordCache.MAX_SEARCH_LIMIT ? value : -1;
    }
}
