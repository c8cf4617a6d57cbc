package dev.hubcord.discordsim.population;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mutable state of one guild. Every method is synchronized on the guild, so control-API threads and Netty event
 * loops can change and read it concurrently; readers get copies ({@link #snapshot()}), never live collections.
 */
public final class SimGuild {

    private final long id;
    private final long joinedAtMillis;
    private String name;
    private long ownerId;
    private boolean unavailable;
    private final Map<Long, SimRole> roles = new LinkedHashMap<>();
    private final Map<Long, SimChannel> channels = new LinkedHashMap<>();
    private final Map<Long, SimMember> members = new LinkedHashMap<>();
    private final Map<Long, SimVoiceState> voiceStates = new LinkedHashMap<>();
    private final Set<Long> bans = new LinkedHashSet<>();
    /** Channel id → its newest message id; bounded by the channels (an entry goes with its channel). */
    private final Map<Long, Long> lastMessageIds = new HashMap<>();

    public SimGuild(long id, String name, long ownerId, long joinedAtMillis) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
        this.joinedAtMillis = joinedAtMillis;
    }

    /** An immutable copy of the guild's state at one instant. */
    public record Snapshot(
            long id,
            String name,
            long ownerId,
            long joinedAtMillis,
            boolean unavailable,
            List<SimRole> roles,
            List<SimChannel> channels,
            List<SimMember> members,
            List<SimVoiceState> voiceStates,
            Map<Long, Long> lastMessageIds) {

        /** The newest message id of a channel, 0 when it has none (the channel's {@code last_message_id}). */
        public long lastMessageId(long channelId) {
            return lastMessageIds.getOrDefault(channelId, 0L);
        }

        public Optional<SimMember> member(long userId) {
            return members.stream().filter(m -> m.userId() == userId).findFirst();
        }

        public Optional<SimChannel> channel(long channelId) {
            return channels.stream().filter(c -> c.id() == channelId).findFirst();
        }

        public Optional<SimRole> role(long roleId) {
            return roles.stream().filter(r -> r.id() == roleId).findFirst();
        }
    }

    public long id() {
        return id;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(id, name, ownerId, joinedAtMillis, unavailable, List.copyOf(roles.values()),
                List.copyOf(channels.values()), List.copyOf(members.values()), List.copyOf(voiceStates.values()),
                Map.copyOf(lastMessageIds));
    }

    public synchronized String name() {
        return name;
    }

    public synchronized void rename(String newName) {
        this.name = newName;
    }

    public synchronized long ownerId() {
        return ownerId;
    }

    public synchronized boolean unavailable() {
        return unavailable;
    }

    public synchronized void setUnavailable(boolean value) {
        this.unavailable = value;
    }

    public synchronized int memberCount() {
        return members.size();
    }

    public synchronized Optional<SimMember> member(long userId) {
        return Optional.ofNullable(members.get(userId));
    }

    public synchronized List<SimMember> members() {
        return List.copyOf(members.values());
    }

    public synchronized void putMember(SimMember member) {
        members.put(member.userId(), member);
    }

    /** Removes a member and their voice state; returns the removed member, if any. */
    public synchronized Optional<SimMember> removeMember(long userId) {
        voiceStates.remove(userId);
        return Optional.ofNullable(members.remove(userId));
    }

    public synchronized Optional<SimRole> role(long roleId) {
        return Optional.ofNullable(roles.get(roleId));
    }

    public synchronized void putRole(SimRole role) {
        roles.put(role.id(), role);
    }

    /**
     * Deletes a role and strips it from every member, as Discord does (without per-member events).
     */
    public synchronized Optional<SimRole> removeRole(long roleId) {
        SimRole removed = roles.remove(roleId);
        if (removed != null) {
            for (SimMember m : new ArrayList<>(members.values())) {
                if (m.roles().contains(roleId)) {
                    List<Long> kept = new ArrayList<>(m.roles());
                    kept.remove(roleId);
                    members.put(m.userId(), m.withRoles(kept));
                }
            }
        }
        return Optional.ofNullable(removed);
    }

    public synchronized Optional<SimChannel> channel(long channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    public synchronized void putChannel(SimChannel channel) {
        channels.put(channel.id(), channel);
    }

    /** Records a channel's newest message (its {@code last_message_id}); ignored for an unknown channel. */
    public synchronized void setLastMessageId(long channelId, long messageId) {
        if (channels.containsKey(channelId)) {
            lastMessageIds.put(channelId, messageId);
        }
    }

    public synchronized long lastMessageId(long channelId) {
        return lastMessageIds.getOrDefault(channelId, 0L);
    }

    public synchronized Optional<SimChannel> removeChannel(long channelId) {
        lastMessageIds.remove(channelId);
        voiceStates.values().removeIf(v -> v.channelId() == channelId);
        return Optional.ofNullable(channels.remove(channelId));
    }

    public synchronized Optional<SimVoiceState> voiceState(long userId) {
        return Optional.ofNullable(voiceStates.get(userId));
    }

    public synchronized void putVoiceState(SimVoiceState state) {
        voiceStates.put(state.userId(), state);
    }

    public synchronized Optional<SimVoiceState> removeVoiceState(long userId) {
        return Optional.ofNullable(voiceStates.remove(userId));
    }

    public synchronized long voiceCount(long channelId) {
        return voiceStates.values().stream().filter(v -> v.channelId() == channelId).count();
    }

    public synchronized boolean banned(long userId) {
        return bans.contains(userId);
    }

    /** Bans a user (and removes them as a member); returns true if they were not banned before. */
    public synchronized boolean ban(long userId) {
        removeMember(userId);
        return bans.add(userId);
    }

    /** The banned user IDs, in ban order. */
    public synchronized java.util.List<Long> bannedUsers() {
        return java.util.List.copyOf(bans);
    }

    public synchronized boolean unban(long userId) {
        return bans.remove(userId);
    }
}
