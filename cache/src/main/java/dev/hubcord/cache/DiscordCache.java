package dev.hubcord.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.cache.ingest.CachePayload;
import dev.hubcord.cache.ingest.PayloadReader;
import dev.hubcord.cache.model.Channel;
import dev.hubcord.cache.model.Guild;
import dev.hubcord.cache.model.Member;
import dev.hubcord.cache.model.Role;
import dev.hubcord.cache.model.SearchOutcome;
import dev.hubcord.cache.model.User;
import dev.hubcord.cache.model.VoiceState;
import dev.hubcord.cache.store.StateStore;
import dev.hubcord.cache.store.StateView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The Discord state cache: feed it op 5 {@code d} objects with {@link #apply(byte[])}, query it
 * for REST answers. Thread-safe; reads do not wait for writers. An empty Optional means "not
 * cached"; delete methods return whether something was removed.
 */
public final class DiscordCache {

    public static final int DEFAULT_SEARCH_LIMIT = 25;
    public static final int MAX_SEARCH_LIMIT = 1000;

    private final CacheConfig config;
    private final PayloadReader reader;
    private final StateStore store;
    private final StateView view;

    public DiscordCache(CacheConfig config, ObjectMapper mapper) {
        this.config = config;
        this.reader = new PayloadReader(mapper);
        this.store = new StateStore(config.memberBudget(), config.orphanUserBudget(), config.userStripes());
        this.view = store.view();
    }

    public DiscordCache(CacheConfig config) {
        this(config, new ObjectMapper());
    }

    /**
     * Applies one op 5 {@code d} object given as UTF-8 JSON.
     *
     * @throws CacheException when the payload is invalid; the cache is then unchanged
     */
    public void apply(byte[] json) {
        store.apply(reader.read(json));
    }

    /**
     * Applies one op 5 {@code d} object found in {@code json[offset, offset + length)}, so a caller
     * holding a whole envelope need not copy {@code d} out of it.
     *
     * @throws CacheException when the payload is invalid; the cache is then unchanged
     */
    public void apply(byte[] json, int offset, int length) {
        store.apply(reader.read(json, offset, length));
    }

    /** Applies one op 5 {@code d} object given as a tree. */
    public void apply(JsonNode d) {
        store.apply(reader.read(d));
    }

    /** Applies an already validated payload. */
    public void apply(CachePayload payload) {
        store.apply(payload);
    }

    public Optional<Guild> guild(long guildId) {
        return view.guild(guildId);
    }

    public Optional<List<Channel>> channels(long guildId) {
        return view.channels(guildId);
    }

    public Optional<Channel> channel(long guildId, long channelId) {
        return view.channel(guildId, channelId);
    }

    /** Voice states in a channel: empty Optional for an unknown channel, empty list for a non-voice one. */
    public Optional<List<VoiceState>> voiceStatesIn(long guildId, long channelId) {
        return view.voiceStatesIn(guildId, channelId);
    }

    public Optional<List<VoiceState>> voiceStates(long guildId) {
        return view.voiceStates(guildId);
    }

    public Optional<VoiceState> voiceState(long guildId, long userId) {
        return view.voiceState(guildId, userId);
    }

    public Optional<Member> member(long guildId, long userId) {
        return view.member(guildId, userId);
    }

    public Optional<List<Role>> roles(long guildId) {
        return view.roles(guildId);
    }

    public Optional<Role> role(long guildId, long roleId) {
        return view.role(guildId, roleId);
    }

    public long userCount() {
        return view.userCount();
    }

    public Optional<User> user(long userId) {
        return view.user(userId);
    }

    /**
     * Members whose username, global name or nickname starts with {@code query} (ignoring case),
     * or whose {@code username#discriminator} is {@code query}. {@code limit} below 1 means
     * {@link #DEFAULT_SEARCH_LIMIT}; above {@link #MAX_SEARCH_LIMIT} is capped.
     */
    public Optional<List<Member>> searchMembers(long guildId, String query, int limit) {
        int n = limit < 1 ? DEFAULT_SEARCH_LIMIT : Math.min(limit, MAX_SEARCH_LIMIT);
        return view.searchMembers(guildId, query == null ? "" : query, n);
    }

    /**
     * The same search, given up once it has done {@code budget} units of work (one per member
     * whose name-prefix keys it tests, 25 per member whose user it looks up): an event loop runs
     * it with a small budget and hands an {@link SearchOutcome.OverBudget} search to a worker.
     */
    public SearchOutcome searchMembers(long guildId, String query, int limit, long budget) {
        int n = limit < 1 ? DEFAULT_SEARCH_LIMIT : Math.min(limit, MAX_SEARCH_LIMIT);
        return view.searchMembers(guildId, query == null ? "" : query, n, budget);
    }

    /** Guild-wide permissions of a member; empty when the guild or the member is not cached. */
    public OptionalLong permissions(long guildId, long userId) {
        return view.permissions(guildId, userId, nowMicros());
    }

    /** A member's permissions in a channel; empty when the guild, member or channel is not cached. */
    public OptionalLong permissions(long guildId, long userId, long channelId) {
        return view.permissions(guildId, userId, channelId, nowMicros());
    }

    public boolean deleteGuild(long guildId) {
        return store.deleteGuild(guildId);
    }

    public boolean deleteChannel(long guildId, long channelId) {
        return store.deleteChannel(guildId, channelId);
    }

    public boolean deleteVoiceState(long guildId, long userId) {
        return store.deleteVoiceState(guildId, userId);
    }

    public boolean deleteMember(long guildId, long userId) {
        return store.deleteMember(guildId, userId);
    }

    public boolean deleteRole(long guildId, long roleId) {
        return store.deleteRole(guildId, roleId);
    }

    /** Sizes and eviction counts, for {@link CacheMetrics} and tests. */
    public StateView stats() {
        return view;
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, config.clock().instant());
    }
}
