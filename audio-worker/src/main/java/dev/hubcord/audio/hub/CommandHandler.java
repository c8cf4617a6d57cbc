package dev.hubcord.audio.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.filter.Filters;
import dev.hubcord.audio.filter.FiltersJson;
import dev.hubcord.audio.player.GuildPlayer;
import dev.hubcord.audio.player.PlayerSnapshot;
import dev.hubcord.audio.player.QueuedTrack;
import dev.hubcord.audio.player.RepeatMode;
import dev.hubcord.audio.player.TrackLoader;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PLAYER_* commands. Each runs on its guild's executor and is acknowledged when done. A command with a
 * {@code nonce} is answered with {@code {ok: true, player}} or {@code {ok: false, error}}; a bad command without one
 * is logged and acknowledged (retrying it would not help). A PLAYER_JOIN marked {@code redelivered} for a guild this
 * worker did not play is a takeover: the guild's state is recovered from the hub before anything else runs for it.
 */
final class CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

    private final HubClient hub;
    private final Guilds guilds;
    private final TrackLoader loader;
    private final HubOutbox outbox;
    private final Recovery recovery;

    CommandHandler(HubClient hub, Guilds guilds, TrackLoader loader, HubOutbox outbox, Recovery recovery) {
        this.hub = hub;
        this.guilds = guilds;
        this.loader = loader;
        this.outbox = outbox;
        this.recovery = recovery;
    }

    void handle(IncomingEvent event) {
        long guildId;
        try {
            guildId = Long.parseUnsignedLong(event.data().path("guildID").asText(""));
        } catch (NumberFormatException e) {
            fail(event, "d.guildID must be a snowflake");
            return;
        }
        if (event.name().equals("PLAYER_LEAVE")) {
            Guild g = guilds.get(guildId);
            if (g == null) {
                done(event, null);
                return;
            }
            g.player.executor().execute(() -> {
                leave(g);
                done(event, null);
            });
            return;
        }
        boolean[] created = new boolean[1];
        Guild g = guilds.getOrCreate(guildId, created);
        JsonNode textChannel = event.data().path("textChannelID");
        if (textChannel.isTextual() && !textChannel.asText().isEmpty()) {
            g.textChannelId = textChannel.asText();
        }
        g.player.executor().execute(() -> {
            try {
                run(g, event, created[0]);
                if (g.dirty) {
                    // the hub holds the new state before the requester hears of it: a takeover right after a
                    // "Volume set to 70%" restores 70, not what the last periodic update said
                    outbox.playerUpdate(g);
                }
                done(event, g.player);
            } catch (AudioException | IllegalArgumentException | IllegalStateException
                     | IndexOutOfBoundsException e) {
                fail(event, event.name() + ": " + e.getMessage());
            }
        });
    }

    private void run(Guild g, IncomingEvent event, boolean created) {
        JsonNode d = event.data();
        GuildPlayer p = g.player;
        switch (event.name()) {
            case "PLAYER_JOIN" -> {
                String channel = d.path("channelID").asText("");
                if (!channel.matches("\\d{1,20}")) {
                    throw new IllegalArgumentException("d.channelID must be a snowflake");
                }
                g.selfDeaf = d.path("selfDeaf").asBoolean(true);
                g.selfMute = d.path("selfMute").asBoolean(false);
                p.channelId(channel);
                outbox.voiceStateUpdate(g.id, channel, g.selfMute, g.selfDeaf);
                if (event.redelivered() && created) {
                    recovery.recover(g); // blocks this guild's executor, so later commands apply to the restored state
                }
            }
            case "PLAYER_PLAY" -> {
                if (d.path("noReplace").asBoolean(false) && p.current() != null) {
                    return;
                }
                List<QueuedTrack> tracks = TrackArgs.all(d, p.codec(), loader);
                // checked before anything changes; set before the track starts, so it starts filtered
                Filters filters = d.has("filters") ? FiltersJson.parse(d.get("filters")) : null;
                if (filters != null) {
                    p.filters(filters);
                }
                p.playNow(tracks.getFirst());
                if (d.has("volume")) {
                    p.volume(volume(d));
                }
                if (d.has("paused")) {
                    p.pause(d.get("paused").asBoolean());
                }
            }
            case "PLAYER_QUEUE" -> queue(p, d);
            case "PLAYER_SKIP" -> {
                long count = d.has("count") ? TrackArgs.nonNegative(d, "count") : 1;
                if (count < 1) {
                    throw new IllegalArgumentException("count must be at least 1");
                }
                p.skip((int) Math.min(count, Integer.MAX_VALUE));
            }
            case "PLAYER_STOP" -> p.stop();
            case "PLAYER_PAUSE" -> p.pause(d.path("paused").asBoolean(true));
            case "PLAYER_SEEK" -> {
                if (!d.has("position")) {
                    throw new IllegalArgumentException("position is required");
                }
                p.seek(TrackArgs.nonNegative(d, "position"));
            }
            case "PLAYER_VOLUME" -> p.volume(volume(d));
            case "PLAYER_FILTERS" -> {
                if (!d.has("filters")) {
                    throw new IllegalArgumentException("filters is required ({} removes them all)");
                }
                p.filters(FiltersJson.parse(d.get("filters")));
            }
            default -> throw new IllegalArgumentException("unknown command");
        }
    }

    private void queue(GuildPlayer p, JsonNode d) {
        String action = d.path("action").asText("add");
        switch (action) {
            case "add" -> {
                int index = d.has("index") ? (int) TrackArgs.nonNegative(d, "index") : -1;
                if (index > p.queue().size()) {
                    throw new IndexOutOfBoundsException("index " + index + " beyond the queue (" + p.queue().size() + ")");
                }
                p.enqueue(TrackArgs.all(d, p.codec(), loader), index);
            }
            case "clear" -> p.clear();
            case "shuffle" -> p.shuffle();
            case "remove" -> {
                if (!d.has("index")) {
                    throw new IllegalArgumentException("index is required");
                }
                p.remove((int) TrackArgs.nonNegative(d, "index"));
            }
            case "repeat" -> p.repeat(RepeatMode.parse(d.path("mode").asText(null)));
            case "crossfade" -> p.crossfade(crossfadeMs(d));
            case "list" -> { }
            default -> throw new IllegalArgumentException(
                    "action must be add, clear, shuffle, remove, repeat, crossfade or list");
        }
    }

    private static int crossfadeMs(JsonNode d) {
        JsonNode v = d.get("crossfadeMs");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0
                || v.asInt() > PlayerSnapshot.MAX_CROSSFADE_MS) {
            throw new IllegalArgumentException("crossfadeMs must be an integer 0-" + PlayerSnapshot.MAX_CROSSFADE_MS);
        }
        return v.asInt();
    }

    private static int volume(JsonNode d) {
        JsonNode v = d.get("volume");
        if (v == null || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 1000) {
            throw new IllegalArgumentException("volume must be an integer 0-1000");
        }
        return v.asInt();
    }

    void leave(Guild g) {
        outbox.voiceStateUpdate(g.id, null, false, false);
        guilds.remove(g);
        outbox.playerDestroyed(g.id);
    }

    private ObjectNode ok(GuildPlayer p) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("ok", true);
        if (p != null) {
            r.set("player", p.snapshot().toJson());
        }
        return r;
    }

    private void done(IncomingEvent event, GuildPlayer p) {
        if (event.nonce() != null) {
            hub.reply(event, ok(p));
        }
        event.ack();
    }

    private void fail(IncomingEvent event, String error) {
        log.warn("bad command: {}", error);
        if (event.nonce() != null) {
            ObjectNode r = Json.mapper().createObjectNode();
            r.put("ok", false);
            r.put("error", error);
            hub.reply(event, r);
        }
        event.ack();
    }
}
