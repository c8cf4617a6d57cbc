package dev.hubcord.audio.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.player.PlayerSnapshot;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking over a guild whose worker was lost: the hub redelivered its PLAYER_JOIN here; this asks the commands side
 * for the last {@code player} snapshot it kept, with a PLAYER_UPDATE request {@code {guildID, recover: true, nonce}},
 * and restores it, the current track at the position it would have reached by now. No answer (or
 * {@code player: null}) within the timeout: the guild starts with an empty queue, and the commands side learns that
 * from the PLAYER_UPDATE that follows.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final HubClient hub;
    private final Duration timeout;

    Recovery(HubClient hub, Duration timeout) {
        this.hub = hub;
        this.timeout = timeout;
    }

    void recover(Guild g) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("guildID", Long.toUnsignedString(g.id));
        d.put("recover", true);
        hub.request("PLAYER_UPDATE", d, timeout).whenComplete((reply, error) -> {
            if (error != null) {
                log.warn("guild {}: no saved state ({}); starting empty", g.id, error.toString());
                return;
            }
            JsonNode player = reply.path("player");
            if (!player.isObject()) {
                log.info("guild {}: the commands side has no saved state; starting empty", g.id);
                return;
            }
            g.player.executor().execute(() -> {
                try {
                    PlayerSnapshot snapshot = PlayerSnapshot.fromJson(player);
                    g.player.restore(snapshot, System.currentTimeMillis());
                    log.info("guild {}: resumed {} queued tracks{}", g.id, snapshot.queue().size(),
                            snapshot.current() == null ? "" : " and the current track at " + snapshot.positionAt(
                                    System.currentTimeMillis()) + " ms");
                } catch (RuntimeException e) {
                    log.warn("guild {}: saved state unusable: {}", g.id, e.getMessage());
                }
            });
        });
    }
}
