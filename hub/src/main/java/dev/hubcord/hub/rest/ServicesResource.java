package dev.hubcord.hub.rest;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.session.HeartbeatStats;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.shards.ShardStatusBoard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/services} and {@code GET /v1/shards}: who is connected and what each shard is doing. */
public final class ServicesResource {

    private final HubCore core;

    public ServicesResource(HubCore core) {
        this.core = core;
    }

    public RestResponse services() {
        return RestResponse.ok(serviceList());
    }

    public RestResponse shards() {
        return RestResponse.ok(shardList());
    }

    /** The entries of {@code GET /v1/services}, in the order the services joined. */
    public List<Map<String, Object>> serviceList() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Session> sessions = new ArrayList<>(core.sessions().all());
        sessions.sort(Comparator.comparingLong(Session::joinOrder));
        for (Session session : sessions) {
            HeartbeatStats stats = session.stats();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", session.type().wireName());
            entry.put("name", session.name());
            entry.put("session", session.id());
            entry.put("connected", session.isConnected());
            entry.put("heapUsed", stats.heapUsed() < 0 ? null : stats.heapUsed());
            entry.put("startTime", session.startTime().toString());
            switch (session.type()) {
                case SHARDER -> {
                    entry.put("shards", core.shards().assignmentOf(session).shards());
                    entry.put("guilds", stats.guilds() < 0 ? null : stats.guilds());
                }
                case AUDIO -> {
                    entry.put("players", stats.players() < 0 ? null : stats.players());
                    entry.put("playingPlayers", stats.playingPlayers() < 0 ? null : stats.playingPlayers());
                    entry.put("guilds", core.audioOwners().guildCount(session));
                }
                case COMMANDS -> entry.put("inFlight", stats.inFlight() < 0 ? session.unackedCount() : stats.inFlight());
                default -> { }
            }
            entry.put("unacked", session.unackedCount());
            out.add(entry);
        }
        return out;
    }

    /** The entries of {@code GET /v1/shards}, by shard ID. */
    public List<Map<String, Object>> shardList() {
        Session[] owners = core.shards().owners();
        List<Map<String, Object>> out = new ArrayList<>();
        for (int shard = 0; shard < owners.length; shard++) {
            ShardStatusBoard.ShardStatus status = core.shardStatus().statusOf(shard,
                    owners[shard] == null ? null : owners[shard].id());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("shard", shard);
            entry.put("sharder", owners[shard] == null ? null : owners[shard].name());
            entry.put("status", owners[shard] == null ? "unassigned" : status.status());
            entry.put("latency", status.latency() < 0 ? null : status.latency());
            entry.put("guilds", status.guilds());
            out.add(entry);
        }
        return out;
    }
}
