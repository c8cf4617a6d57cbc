package dev.hubcord.hub.rest;

import dev.hubcord.hub.audio.PlayerState;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/players/{guild}}: which audio worker plays a guild and the latest player snapshot the hub holds for
 * it (what a takeover would restore). For operators: "where is this guild's music, and how fresh is its state?"
 */
final class PlayersResource {

    private final HubCore core;

    PlayersResource(HubCore core) {
        this.core = core;
    }

    RestResponse player(String guild) {
        long guildId;
        try {
            guildId = Long.parseUnsignedLong(guild);
        } catch (NumberFormatException e) {
            return RestResponse.badRequest("not a snowflake: " + guild);
        }
        Session owner = core.audioOwners().owner(guildId);
        PlayerState state = core.audioPlayers().states().get(guildId);
        if (owner == null && state == null) {
            return RestResponse.notFound("no audio worker and no player state for guild " + guild);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("guildID", Long.toUnsignedString(guildId));
        out.put("worker", owner == null ? null : owner.name());
        out.put("session", owner == null ? null : owner.id());
        out.put("connected", owner != null && owner.isConnected());
        out.put("player", state == null ? null : state.player());
        out.put("textChannelID", state == null ? null : state.textChannelId());
        out.put("updatedAt", state == null ? null : state.updatedAt());
        out.put("ageMs", state == null ? null : Math.max(0, System.currentTimeMillis() - state.updatedAt()));
        return RestResponse.ok(out);
    }
}
