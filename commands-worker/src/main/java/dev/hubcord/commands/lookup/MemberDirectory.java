package dev.hubcord.commands.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.hub.HubApiException;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Members and users for commands: the hub's cache first; on a miss, Discord's REST API ({@code GET
 * /guilds/{g}/members/{u}}, {@code GET /users/{u}}, {@code GET /guilds/{g}/members/search}); what Discord answered is
 * sent to the hub's cache as an op 5 {@code member} or {@code user} upsert, so the next lookup (by any worker) is a
 * hit. The cache misses members when the sharder does not request member lists (or has not finished): a moderation
 * command must still find the member who never spoke.
 *
 * <p>Without a Discord client ({@link #cacheOnly}) it is the cache alone. Thread-safe: it holds no state of its own.
 */
public final class MemberDirectory {

    private static final Logger log = LoggerFactory.getLogger(MemberDirectory.class);

    private final HubApi hub;
    private final DiscordApi discord;
    private final HubClient hubClient;

    public MemberDirectory(HubApi hub, DiscordApi discord, HubClient hubClient) {
        this.hub = hub;
        this.discord = discord;
        this.hubClient = hubClient;
    }

    /** The hub's cache only (custom resolvers, tests). */
    public static MemberDirectory cacheOnly(HubApi hub) {
        return new MemberDirectory(hub, null, null);
    }

    /** The member from the cache, else from Discord (then cached); empty when Discord does not know it either. */
    public Optional<HubMember> member(String guildId, String userId) {
        Optional<HubMember> cached = hub.member(guildId, userId);
        if (cached.isPresent() || discord == null) {
            return cached;
        }
        return discord.member(guildId, userId).filter(CacheEntities::hasUser)
                .map(m -> fill(CacheEntities.member(m, guildId), HubMember.class));
    }

    /** The user from the cache, else from Discord (then cached); empty for an unknown user. */
    public Optional<HubUser> user(String userId) {
        Optional<HubUser> cached = hub.user(userId);
        if (cached.isPresent() || discord == null) {
            return cached;
        }
        return discord.user(userId).map(u -> fill(CacheEntities.user(u), HubUser.class));
    }

    /**
     * Members whose names start with {@code query}: the cache's answer when it has one, else Discord's search
     * (username or nickname prefix), each result cached.
     */
    public List<HubMember> searchMembers(String guildId, String query, int limit) {
        List<HubMember> cached = hub.searchMembers(guildId, query, limit);
        if (!cached.isEmpty() || discord == null) {
            return cached;
        }
        // Discord matches a bare name, not name#1234: search the part before a tag.
        int hash = query.lastIndexOf('#');
        String name = hash > 0 ? query.substring(0, hash) : query;
        List<HubMember> found = new ArrayList<>();
        for (JsonNode m : discord.searchMembers(guildId, name, limit)) {
            if (CacheEntities.hasUser(m)) {
                found.add(fill(CacheEntities.member(m, guildId), HubMember.class));
            }
        }
        return found;
    }

    /** Sends the entity to the hub's cache and converts it for the caller. */
    private <T> T fill(ObjectNode entity, Class<T> type) {
        if (hubClient != null && !hubClient.sendCache(entity)) {
            log.warn("event=cache_fill_refused type={} id={} detail=\"the hub client's buffer is full\"",
                    entity.path("type").asText(), entity.path("id").asText());
        }
        try {
            return Json.mapper().treeToValue(entity, type);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new HubApiException(HubApiException.Kind.BAD_BODY, "unexpected Discord " + type.getSimpleName()
                    + ": " + entity, e);
        }
    }
}
