package dev.hubcord.hub.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.shards.IdentifyGate;
import dev.hubcord.hub.shards.ShardAssigner;
import dev.hubcord.hub.shards.ShardAssignment;
import dev.hubcord.hub.shards.ShardStatusBoard;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.ServiceType;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's duties to sharders: which sharder runs which shards (and telling them when that changes), the shards'
 * last reported status, and the IDENTIFY gate.
 */
final class Sharding {

    private static final Logger log = LoggerFactory.getLogger(Sharding.class);

    private final ShardAssigner assigner;
    private final ShardStatusBoard board = new ShardStatusBoard();
    private final IdentifyGate identifyGate;
    private final Router router;
    private final BotIdentity bot;

    Sharding(ShardAssigner assigner, Router router, BotIdentity bot, long identifyIntervalMs,
            ScheduledExecutorService scheduler) {
        this.assigner = assigner;
        this.router = router;
        this.bot = bot;
        this.identifyGate = new IdentifyGate(identifyIntervalMs, assigner::maxConcurrency,
                (session, shard) -> router.sendDirect(session, EventType.IDENTIFY_GRANTED, Map.of("shard", shard)),
                scheduler);
    }

    ShardAssigner assigner() {
        return assigner;
    }

    ShardStatusBoard board() {
        return board;
    }

    /** Adds a new sharder: its own assignment goes into its IDENTIFIED; the others moved are told by {@link #announce}. */
    Map<Session, ShardAssignment> add(Session sharder, int hintShards, int hintMaxConcurrency, Map<String, Object> identified) {
        Map<Session, ShardAssignment> changed = assigner.add(sharder, hintShards, hintMaxConcurrency);
        ShardAssignment mine = changed.get(sharder);
        identified.put("shards", mine.shards());
        identified.put("shardCount", mine.shardCount());
        identified.put("maxConcurrency", mine.maxConcurrency());
        return changed;
    }

    void identifyRequest(Session from, int shard) {
        identifyGate.request(from, shard);
    }

    /**
     * Keeps a shard's status when its sender runs it, and learns the bot's IDs if the sharder reports
     * them: a sharder only knows them after Discord's READY, which comes after it identified with us.
     */
    void status(Session from, int shard, JsonNode d) {
        if (assigner.ownerOfShard(shard) == from) {
            board.report(shard, from.id(), d);
        } else {
            log.debug("SHARD_STATUS for shard {} from {}, which does not run it: ignored", shard, from);
        }
        JsonNode userId = d.get("userID");
        JsonNode applicationId = d.get("applicationID");
        if (userId != null && userId.isTextual() && applicationId != null && applicationId.isTextual()
                && bot.learn(userId.textValue(), applicationId.textValue())) {
            bot.announce(null);
        }
    }

    /** A sharder's session ended: its queued IDENTIFY requests go, its shards go to the others. */
    void sharderEnded(Session session) {
        identifyGate.remove(session);
        announce(assigner.remove(session), null);
    }

    /** Tells every sharder but {@code skip} its new assignment, then lets events wait no longer for a sharder. */
    void announce(Map<Session, ShardAssignment> changed, Session skip) {
        changed.forEach((sharder, assignment) -> {
            if (sharder != skip) {
                log.info("shards of {} are now {} of {}", sharder, assignment.shards(), assignment.shardCount());
                router.sendDirect(sharder, EventType.SHARDS_ASSIGNED, assignment);
            }
        });
        if (!changed.isEmpty()) {
            router.retryPending(ServiceType.SHARDER);
        }
    }
}
