package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.store.MusicChannels;
import dev.hubcord.protocol.client.IncomingEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts track events in the channel the music was started from: {@code d.textChannelID} when the audio worker
 * echoes it, else the guild's channel from the shared database. These are {@code one} events any commands worker
 * may get; each is acknowledged once posted (or found to have nowhere to go). "Now playing" carries the
 * {@link PlayerButtons}.
 */
public final class TrackAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(TrackAnnouncer.class);

    private final DiscordApi discord;
    private final MusicChannels channels;

    public TrackAnnouncer(DiscordApi discord, MusicChannels channels) {
        this.discord = discord;
        this.channels = channels;
    }

    /** The listener for TRACK_START, TRACK_END and TRACK_EXCEPTION; the work runs on a virtual thread. */
    public void onEvent(IncomingEvent event) {
        event.deferAck(); // acknowledged once announced (or failed), so a death before that redelivers it
        Thread.ofVirtual().name("announce-" + event.seq()).start(() -> {
            try {
                announce(event.name(), event.data());
            } catch (RuntimeException e) {
                log.warn("{} for guild {} not announced: {}", event.name(), event.data().path("guildID").asText(),
                        e.toString());
            } finally {
                event.ack();
            }
        });
    }

    void announce(String name, JsonNode d) {
        String text = text(name, d);
        if (text == null) {
            return;
        }
        Optional<String> channel = d.path("textChannelID").isTextual() ? Optional.of(d.path("textChannelID").asText())
                : channels.get(d.path("guildID").asText());
        if (channel.isEmpty()) {
            log.info("{} for guild {}: no announce channel known", name, d.path("guildID").asText());
            return;
        }
        ObjectNode body = DiscordApi.message(text);
        if (name.equals("TRACK_START")) {
            body.set("components", PlayerButtons.rowJson()); // pause/resume, skip, stop: see PlayerButtons
        }
        discord.createMessage(channel.get(), body, null);
    }

    /** The announcement, or null for events that need none (a track replaced, stopped or cleaned up). */
    static String text(String name, JsonNode d) {
        TrackInfo track = TrackInfo.of(d.path("track"));
        return switch (name) {
            case "TRACK_START" -> "Now playing " + track.display() + ".";
            case "TRACK_END" -> {
                if (!d.path("reason").asText().equals("finished")) {
                    yield null;
                }
                boolean queueEmpty = d.path("player").path("queue").isEmpty();
                yield "Finished " + track.display() + "." + (queueEmpty ? " The queue is empty." : "");
            }
            case "TRACK_EXCEPTION" -> "Couldn't play " + track.display() + ": "
                    + d.path("exception").path("message").asText(d.path("error").asText("playback failed")) + ".";
            default -> null;
        };
    }
}
