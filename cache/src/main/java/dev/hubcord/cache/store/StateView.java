package dev.hubcord.cache.store;

import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Guild;
import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.SearchOutcome;
import dev.hubcord.cache.model.Timestamps;
import dev.hubcord.cache.model.User;
import dev.hubcord.cache.model.VoiceState;
import dev.hubcord.cache.permissions.PermissionCalculator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Read side of the store. Never takes a guild's lock: it reads immutable snapshots, concurrent
 * maps and segments with optimistic reads, so answers stay fast while writers stream a guild.
 * An empty Optional means "not cached" (a 404 for the REST layer).
 */
public final class StateView {

    private static final Comparator<Channel> CHANNEL_ORDER =
            Comparator.comparingInt(Channel::position).thenComparing(Channel::id, Long::compareUnsigned);
    private static final Comparator<Role> ROLE_ORDER =
            Comparator.comparingInt(Role::position).thenComparing(Role::id, Long::compareUnsigned);

    /** Member IDs a search collects from a segment before decoding them. */
    private static final int SEARCH_BATCH = 256;

    private final State state;

    StateView(State state) {
        this.state = state;
    }

    public Optional<Guild> guild(long guildId) {
        GuildEntry e = state.guilds.get(guildId);
        GuildInfo i = e == null ? null : e.info;
        if (i == null) {
            return Optional.empty();
        }
        long cached = state.members.count(e);
        int memberCount = i.memberCount() >= 0 ? i.memberCount() : (int) Math.min(Integer.MAX_VALUE, cached);
        return Optional.of(new Guild(i.id(), i.name(), i.icon(), i.ownerId(), i.region(), memberCount, i.unavailable(),
                e.channels.size(), e.roles.size(), cached, e.voiceStates.size()));
    }

    public Optional<List<Channel>> channels(long guildId) {
        return entry(guildId).map(e -> e.channels.values().stream().sorted(CHANNEL_ORDER).toList());
    }

    public Optional<Channel> channel(long guildId, long channelId) {
        return entry(guildId).map(e -> e.channels.get(channelId));
    }

    public Optional<List<Role>> roles(long guildId) {
        return entry(guildId).map(e -> e.roles.values().stream().sorted(ROLE_ORDER).toList());
    }

    public Optional<Role> role(long guildId, long roleId) {
        return entry(guildId).map(e -> e.roles.get(roleId));
    }

    public Optional<List<VoiceState>> voiceStates(long guildId) {
        return entry(guildId).map(e -> e.voiceStates.values().stream()
                .sorted(Comparator.comparing(VoiceState::userId, Long::compareUnsigned)).toList());
    }

    /** Voice states in a channel; an empty list for a channel that is not a voice channel. */
    public Optional<List<VoiceState>> voiceStatesIn(long guildId, long channelId) {
        return channel(guildId, channelId).map(c -> c.isVoice()
                ? voiceStates(guildId).orElse(List.of()).stream().filter(v -> v.channelId() == channelId).toList()
                : List.of());
    }

    public Optional<VoiceState> voiceState(long guildId, long userId) {
        return entry(guildId).map(e -> e.voiceStates.get(userId));
    }

    public Optional<Member> member(long guildId, long userId) {
        return entry(guildId).map(e -> state.members.get(e, userId)).map(row -> toMember(guildId, row));
    }

    public long userCount() {
        return state.users.count();
    }

    public Optional<User> user(long userId) {
        return state.users.get(userId);
    }

    /**
     * Members whose username, global name or nickname starts with {@code query} (ignoring case),
     * or whose {@code username#discriminator} equals it; at most {@code limit}, in segment then
     * user-ID order. Members are tested on their stored bytes; only the ones returned are decoded.
     */
    public Optional<List<Member>> searchMembers(long guildId, String query, int limit) {
        return switch (searchMembers(guildId, query, limit, Long.MAX_VALUE)) {
            case SearchOutcome.Found f -> Optional.of(f.members());
            case SearchOutcome.UnknownGuild u -> Optional.empty();
            case SearchOutcome.OverBudget o -> throw new IllegalStateException("an unbounded search ran out of budget");
        };
    }

    /**
     * The same search, stopped once it has done {@code budget} units of work: one per member whose
     * name keys it tests, {@value MemberSearch#LOOK_COST} per member whose user it looks up.
     */
    public SearchOutcome searchMembers(long guildId, String query, int limit, long budget) {
        GuildEntry e = state.guilds.get(guildId);
        if (e == null) {
            return new SearchOutcome.UnknownGuild();
        }
        MemberSearch search = new MemberSearch(query, state.users, budget);
        List<Member> found = new ArrayList<>();
        long[] ids = new long[Math.max(0, Math.min(limit, SEARCH_BATCH))];
        for (MemberSegment seg : state.members.segmentsOf(e)) {
            long from = Long.MIN_VALUE;
            while (found.size() < limit) {
                int want = Math.min(ids.length, limit - found.size());
                int n = seg.select(search, from, ids, want);
                for (int i = 0; i < n; i++) {
                    // A writer may have removed or renamed the member since the scan: test again
                    // the row and user returned (the next batch makes up for a member dropped).
                    MemberSegment.Row row = seg.get(ids[i]);
                    byte[] blob = row == null ? null : state.users.blobOf(row.userId());
                    if (row != null && search.matches(row.nickname(), blob)) {
                        found.add(toMember(guildId, row, UserBlob.decode(row.userId(), blob)));
                    }
                }
                if (search.exhausted() && found.size() < limit) {
                    return new SearchOutcome.OverBudget();
                }
                if (n < want || ids[n - 1] == Long.MAX_VALUE) {
                    break;
                }
                from = ids[n - 1] + 1;
            }
        }
        return new SearchOutcome.Found(found);
    }

    /** Guild-wide permissions; empty when the guild or the member is not cached. */
    public OptionalLong permissions(long guildId, long userId, long nowMicros) {
        GuildEntry e = state.guilds.get(guildId);
        PermissionCalculator.Subject s = subject(e, userId, nowMicros);
        return s == null ? OptionalLong.empty() : OptionalLong.of(PermissionCalculator.guild(s, e.roles));
    }

    /** Permissions in a channel; empty when the guild, the member or the channel is not cached. */
    public OptionalLong permissions(long guildId, long userId, long channelId, long nowMicros) {
        GuildEntry e = state.guilds.get(guildId);
        PermissionCalculator.Subject s = subject(e, userId, nowMicros);
        Channel c = e == null ? null : e.channels.get(channelId);
        return s == null || c == null ? OptionalLong.empty()
                : OptionalLong.of(PermissionCalculator.channel(s, e.roles, c));
    }

    public long guildCount() {
        return state.guilds.size();
    }

    public long channelCount() {
        return state.guilds.values().stream().mapToLong(e -> e.channels.size()).sum();
    }

    public long roleCount() {
        return state.guilds.values().stream().mapToLong(e -> e.roles.size()).sum();
    }

    public long voiceStateCount() {
        return state.guilds.values().stream().mapToLong(e -> e.voiceStates.size()).sum();
    }

    public long memberCount() {
        return state.members.cachedMembers();
    }

    public long evictedMembers() {
        return state.members.evictedMembers();
    }

    public long evictedSegments() {
        return state.members.evictedSegments();
    }

    public long evictedOrphanUsers() {
        return state.users.orphanEvictions();
    }

    private PermissionCalculator.Subject subject(GuildEntry e, long userId, long nowMicros) {
        GuildInfo info = e == null ? null : e.info;
        MemberSegment.Row row = info == null ? null : state.members.get(e, userId);
        if (row == null) {
            return null;
        }
        long until = row.extra() == null ? Timestamps.NONE : row.extra().communicationDisabledUntil();
        return new PermissionCalculator.Subject(e.id, info.ownerId(), userId, row.roles(),
                until != Timestamps.NONE && until > nowMicros);
    }

    private Optional<GuildEntry> entry(long guildId) {
        return Optional.ofNullable(state.guilds.get(guildId));
    }

    private Member toMember(long guildId, MemberSegment.Row row) {
        return toMember(guildId, row, state.users.userOf(row.userId()));
    }

    private static Member toMember(long guildId, MemberSegment.Row row, User user) {
        MemberSegment.Extra x = row.extra();
        return new Member(guildId, row.userId(), row.nicknameText(), row.roles(), row.joinedAt(),
                x == null ? null : x.avatar(), x == null ? Timestamps.NONE : x.communicationDisabledUntil(),
                (row.flags() & MemberSegment.PENDING) != 0, (row.flags() & MemberSegment.DEAF) != 0,
                (row.flags() & MemberSegment.MUTE) != 0, user);
    }
}
