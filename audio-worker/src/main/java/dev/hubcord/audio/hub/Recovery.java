package dev.hubcord.audio.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.player.PlayerSnapshot;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Taking over a guild whose worker was lost: the hub handed its PLAYER_JOIN here marked {@code redelivered}; this
 * asks the hub for the guild's last {@code player} snapshot ({@code PLAYER_RECOVER {guildID, nonce}} → {@code REPLY
 * {player, updatedAt, ageMs}}) and restores it, the current track at the position it would have reached by now
 * (snapshot position + {@code ageMs}, which the hub measures on its own clock, so the workers' clocks need not
 * agree). No answer (or {@code player: null}) within the timeout: the guild starts with an empty queue, and the
 * commands side sees that in the PLAYER_UPDATE that follows.
 */
final class Recovery {

    private static final Logger log = LoggerFactory.getLogger(Recovery.class);

    private final HubClient hub;
    private final Duration timeout;

    Recovery(HubClient hub, Duration timeout) {
        this.hub = hub;
        this.timeout = timeout;
    }

    /** Runs on the guild's executor and blocks it (a virtual thread) until the hub answers or the timeout passes. */
    void recover(Guild g) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("guildID", Long.toUnsignedString(g.id));
        JsonNode reply;
        try {
            reply = hub.request("PLAYER_RECOVER", d, timeout).join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            log.warn("guild {}: no saved state ({}); starting empty", g.id, e.getCause() == null ? e : e.getCause());
            return;
        }
        JsonNode player = reply.path("player");
        if (!player.isObject()) {
            log.info("guild {}: the hub has no saved state; starting empty", g.id);
            return;
        }
        try {
            PlayerSnapshot snapshot = PlayerSnapshot.fromJson(player);
            long age = Math.max(0, reply.path("ageMs").asLong(0));
            g.player.restore(snapshot, snapshot.time() + age);
            log.info("guild {}: resumed {} queued tracks{} (state {} ms old)", g.id, snapshot.queue().size(),
                    snapshot.current() == null ? "" : " and the current track at "
                            + snapshot.positionAt(snapshot.time() + age) + " ms", age);
        } catch (RuntimeException e) {
            log.warn("guild {}: saved state unusable: {}", g.id, e.getMessage());
        }
    }
}
