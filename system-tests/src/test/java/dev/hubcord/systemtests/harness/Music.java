package dev.hubcord.systemtests.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A guild where a member sits in a voice channel and asks the bot for music, and what reaches the voice server. */
public final class Music {

    private static final Pattern CLOCK = Pattern.compile(" at (\\d+):(\\d{2})");

    private final SimApi sim;
    private final Users users;
    private final String listener;
    private final String textChannel;

    public Music(SimApi sim, Users users) {
        this.sim = sim;
        this.users = users;
        JsonNode voiceState = users.guild().path("voice_states").get(0);
        if (voiceState == null) {
            throw new IllegalStateException("guild " + users.guildId() + " has nobody in a voice channel");
        }
        this.listener = voiceState.path("user_id").asText();
        this.textChannel = users.textChannel();
    }

    /**
     * The member in a voice channel says a command in the text channel; the bot's reply. Told to slow down (the
     * commands' per-user cooldowns), they wait a second and say it again, as a person would.
     */
    public String command(String content) {
        for (int attempt = 0; ; attempt++) {
            String reply = users.command(textChannel, listener, content);
            if (!reply.startsWith("Slow down") || attempt == 5) {
                return reply;
            }
            await().pollDelay(Duration.ofMillis(1_100)).atMost(Duration.ofSeconds(5)).until(() -> true);
        }
    }

    /** Opus frames the bot has sent to this guild's voice channel so far. */
    public long frames() {
        return sim.voice(users.guildId()).path("frames").asLong();
    }

    /** Milliseconds since the bot's last voice frame (-1 before the first). */
    public long lastFrameAgeMs() {
        return sim.voice(users.guildId()).path("last_frame_age_ms").asLong();
    }

    public boolean voiceConnected() {
        return sim.voice(users.guildId()).path("connected").asBoolean();
    }

    public String guildId() {
        return users.guildId();
    }

    /** The position "at m:ss" in a now-playing reply, in seconds; -1 when there is none. */
    public static int position(String reply) {
        Matcher m = CLOCK.matcher(reply);
        return m.find() ? Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)) : -1;
    }
}
