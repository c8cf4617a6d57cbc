package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sharder remembers of one guild so it can send the whole guild to the hub again (after the
 * hub lost it, or after the send buffer overflowed): the guild's own fields, roles, channels and voice
 * states as entity nodes (few per guild), members as compact {@link MemberRecord}s.
 *
 * <p>Guarded by its own monitor: the shard's event loop applies events and the resend thread reads,
 * each holding the lock while it also hands the matching entities to the hub, so the hub sees them in
 * the order the state changed. A resend holds it for one payload at a time ({@link GuildMirror#resend}).
 */
final class GuildState {

    /** Members per op 5 payload: keeps every payload far below the hub's 8 MiB limit. */
    static final int MEMBER_BATCH = 1000;

    final long id;
    ObjectNode base;
    final Map<Long, ObjectNode> roles = new LinkedHashMap<>();
    final Map<Long, ObjectNode> channels = new LinkedHashMap<>();
    final Map<Long, ObjectNode> voiceStates = new LinkedHashMap<>();
    final Map<Long, MemberRecord> members = new LinkedHashMap<>();
    boolean removed;

    GuildState(long id) {
        this.id = id;
    }

    void clear() {
        base = null;
        roles.clear();
        channels.clear();
        voiceStates.clear();
        members.clear();
    }

    ObjectNode baseOrMinimal() {
        if (base == null) {
            ObjectNode n = CacheEntities.object();
            n.put("type", "guild");
            n.put("id", Snowflake.text(id));
            return n;
        }
        return base.deepCopy();
    }

    /**
     * The whole guild as op 5 payloads: one guild entity with its {@code roles}, {@code channels},
     * {@code voiceStates} and the first members, then guild entities carrying only further members.
     */
    List<ObjectNode> fullEntities() {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode guild = baseOrMinimal();
        ArrayNode r = guild.putArray("roles");
        roles.values().forEach(r::add);
        ArrayNode c = guild.putArray("channels");
        channels.values().forEach(c::add);
        ArrayNode v = guild.putArray("voiceStates");
        voiceStates.values().forEach(v::add);
        out.add(guild);
        Iterator<MemberRecord> it = members.values().iterator();
        ArrayNode batch = guild.putArray("members");
        while (it.hasNext()) {
            if (batch.size() == MEMBER_BATCH) {
                ObjectNode more = membersOnly();
                batch = more.putArray("members");
                out.add(more);
            }
            batch.add(it.next().toEntity(id, false));
        }
        return out;
    }

    /**
     * A resend's first payload: the guild with its {@code roles}, {@code channels} and
     * {@code voiceStates} (which the hub replaces) and no members yet.
     */
    ObjectNode headEntity() {
        ObjectNode guild = baseOrMinimal();
        ArrayNode r = guild.putArray("roles");
        roles.values().forEach(r::add);
        ArrayNode c = guild.putArray("channels");
        channels.values().forEach(c::add);
        ArrayNode v = guild.putArray("voiceStates");
        voiceStates.values().forEach(v::add);
        guild.putArray("members");
        return guild;
    }

    /** The current records of the listed members still present, as one members-only payload; null when none is. */
    ObjectNode membersEntity(List<Long> userIds) {
        ObjectNode more = membersOnly();
        ArrayNode batch = more.putArray("members");
        for (Long userId : userIds) {
            MemberRecord m = members.get(userId);
            if (m != null) {
                batch.add(m.toEntity(id, false));
            }
        }
        return batch.isEmpty() ? null : more;
    }

    /** A guild entity that carries nothing but members: it upserts them and leaves the rest alone. */
    ObjectNode membersOnly() {
        ObjectNode n = CacheEntities.object();
        n.put("type", "guild");
        n.put("id", Snowflake.text(id));
        return n;
    }
}
