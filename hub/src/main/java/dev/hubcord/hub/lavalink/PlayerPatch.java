package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.rest.RestResponse;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code PATCH /v4/sessions/{id}/players/{guildId}} as audio worker commands, all for the guild's worker in this
 * order (guild delivery keeps it): {@code voice} → PLAYER_JOIN (once per channel) then the voice events;
 * a track → PLAYER_PLAY carrying {@code position} (start), {@code endTime}, {@code volume}, {@code paused} and
 * {@code filters} so that it starts as asked, or PLAYER_STOP for {@code encoded: null}; without a track, each of
 * {@code filters}, {@code volume}, {@code paused}, {@code position} as its own command. Everything is checked before
 * anything is sent, except filter values, which the worker checks (a bad one changes nothing: filters come before
 * the other commands). The answer is Lavalink's player after the last command.
 */
final class PlayerPatch {

    private final Lavalink lavalink;
    private final WorkerLink link;

    PlayerPatch(Lavalink lavalink, WorkerLink link) {
        this.lavalink = lavalink;
        this.link = link;
    }

    /** The fields of a PATCH, checked. */
    private record Update(Voice voice, boolean hasTrack, String encoded, String identifier, JsonNode userData,
            Long position, Long endTime, Integer volume, Boolean paused, JsonNode filters) {

        static Update parse(JsonNode b) {
            if (!b.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            Voice voice = present(b, "voice") ? Voice.parse(b.get("voice")) : null;
            boolean hasTrack = false;
            String encoded = null;
            String identifier = null;
            JsonNode userData = null;
            if (b.has("track")) {
                JsonNode t = b.get("track");
                if (!t.isObject()) {
                    throw new IllegalArgumentException("track must be an object");
                }
                hasTrack = t.has("encoded") || t.has("identifier");
                encoded = text(t, "encoded");
                identifier = text(t, "identifier");
                userData = t.get("userData");
                if (userData != null && !userData.isObject() && !userData.isNull()) {
                    throw new IllegalArgumentException("track.userData must be an object");
                }
            } else if (b.has("encodedTrack") || b.has("identifier")) { // v4's deprecated spellings
                hasTrack = true;
                encoded = text(b, "encodedTrack");
                identifier = text(b, "identifier");
            }
            if (encoded != null && identifier != null) {
                throw new IllegalArgumentException("Cannot specify both encoded and identifier");
            }
            if (encoded != null) {
                EncodedTrack.decode(encoded); // a bad track is the client's 400, not a worker's error later
            }
            Long position = present(b, "position") ? number(b, "position", 0, Long.MAX_VALUE) : null;
            Long endTime = present(b, "endTime") ? number(b, "endTime", 0, Long.MAX_VALUE) : null;
            Integer volume = present(b, "volume") ? (int) number(b, "volume", 0, 1000) : null;
            Boolean paused = null;
            if (present(b, "paused")) {
                if (!b.get("paused").isBoolean()) {
                    throw new IllegalArgumentException("paused must be a boolean");
                }
                paused = b.get("paused").booleanValue();
            }
            JsonNode filters = present(b, "filters") ? b.get("filters") : null;
            if (filters != null && !filters.isObject()) {
                throw new IllegalArgumentException("filters must be an object");
            }
            return new Update(voice, hasTrack, encoded, identifier, userData, position, endTime, volume, paused, filters);
        }
    }

    CompletableFuture<RestResponse> apply(LavalinkSession session, String guildId, JsonNode body, boolean noReplace,
            String path) {
        Update u = Update.parse(body);
        if (!link.anyWorker()) {
            return LavalinkRest.done(LavalinkError.of(503, "no audio worker is connected", path));
        }
        LavalinkPlayer player = session.playerOrCreate(guildId);
        if (player == null) {
            return LavalinkRest.done(LavalinkError.of(400, "this session has " + LavalinkSession.MAX_PLAYERS
                    + " players, the most it may have", path));
        }
        lavalink.own(guildId, session);
        List<CompletableFuture<JsonNode>> sent = new ArrayList<>();
        if (u.voice() != null && !u.voice().equals(player.voice())) {
            String channel = u.voice().channelId() != null ? u.voice().channelId()
                    : player.joinedChannel() != null ? player.joinedChannel() : guildId;
            if (!channel.equals(player.joinedChannel())) {
                ObjectNode join = Json.mapper().createObjectNode();
                join.put("channelID", channel);
                sent.add(link.request(EventType.PLAYER_JOIN, guildId, join));
                player.joinedChannel(channel);
            }
            player.voice(u.voice());
            lavalink.sendVoice(session, player);
        }
        boolean play = u.hasTrack() && (u.encoded() != null || u.identifier() != null);
        // with noReplace the track may not start: then the other fields must still apply, as separate commands
        boolean inPlay = play && !noReplace;
        if (u.filters() != null && !inPlay) {
            sent.add(command(EventType.PLAYER_FILTERS, guildId, "filters", u.filters()));
        }
        if (play) {
            ObjectNode d = Json.mapper().createObjectNode();
            ObjectNode ref = d.putObject("track");
            if (u.encoded() != null) {
                ref.put("encoded", u.encoded());
            } else {
                ref.put("identifier", u.identifier());
            }
            if (u.position() != null) {
                ref.put("startTime", u.position());
            }
            if (u.endTime() != null) {
                ref.put("endTime", u.endTime());
            }
            d.put("noReplace", noReplace);
            if (inPlay) {
                if (u.volume() != null) {
                    d.put("volume", u.volume());
                }
                if (u.paused() != null) {
                    d.put("paused", u.paused());
                }
                if (u.filters() != null) {
                    d.set("filters", u.filters());
                }
            }
            player.userData(u.userData() == null || u.userData().isNull() ? null : u.userData());
            sent.add(link.request(EventType.PLAYER_PLAY, guildId, d));
        } else if (u.hasTrack()) {
            sent.add(link.request(EventType.PLAYER_STOP, guildId, Json.mapper().createObjectNode()));
        }
        if (!inPlay) {
            if (u.volume() != null) {
                sent.add(command(EventType.PLAYER_VOLUME, guildId, "volume", Json.mapper().valueToTree(u.volume())));
            }
            if (u.paused() != null) {
                sent.add(command(EventType.PLAYER_PAUSE, guildId, "paused", Json.mapper().valueToTree(u.paused())));
            }
            if (u.position() != null && !play) {
                sent.add(command(EventType.PLAYER_SEEK, guildId, "position", Json.mapper().valueToTree(u.position())));
            }
        }
        if (sent.isEmpty()) {
            return LavalinkRest.done(RestResponse.ok(player.toJson()));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).handle((v, e) -> {
            for (CompletableFuture<JsonNode> f : sent) {
                if (!f.isCompletedExceptionally()) {
                    player.snapshot(f.join().get("player"));
                }
            }
            if (e != null) {
                Throwable cause = cause(e);
                int status = cause instanceof WorkerLink.WorkerError ? 400 : 503;
                return LavalinkError.of(status, cause.getMessage(), path);
            }
            return RestResponse.ok(player.toJson());
        });
    }

    private CompletableFuture<JsonNode> command(EventType type, String guildId, String field, JsonNode value) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.set(field, value);
        return link.request(type, guildId, d);
    }

    static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static boolean present(JsonNode b, String field) {
        return b.has(field) && !b.get(field).isNull();
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string or null");
        }
        return n.textValue();
    }

    private static long number(JsonNode b, String field, long min, long max) {
        JsonNode n = b.get(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            throw new IllegalArgumentException(field + " must be an integer from " + min + " to " + max);
        }
        return n.longValue();
    }
}
