package dev.hubcord.discordsim.control;

import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.voice.ReceivedFrame;
import dev.hubcord.discordsim.voice.SimulatedListener;
import dev.hubcord.discordsim.voice.VoiceServer;
import dev.hubcord.discordsim.voice.VoiceSessionInfo;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The embedded voice server as the control API sees it: per-guild state (session, DAVE, frames that arrived) and
 * simulated listeners checked against the population, so a wrong id is a 404 and not a listener in a channel that
 * does not exist. {@link VoiceServer} itself stays available for everything else ({@code sim.voice()}).
 */
public final class VoiceControl {

    /** What arrived for one guild; updated on the voice server's UDP thread. */
    private static final class FrameCount {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong silence = new AtomicLong();
        volatile long lastNanos;
    }

    /**
     * One guild's voice state.
     *
     * @param guildId the guild
     * @param channelId the bot's voice channel as the gateway assigned it (op 4), if any
     * @param session the bot's voice session, {@code null} before it identified
     * @param connected whether that session has an open WebSocket now
     * @param daveProtocolVersion the channel's DAVE version (0 = no end-to-end encryption)
     * @param daveEpoch the channel's MLS epoch (0 without a group)
     * @param frames Opus frames that arrived over RTP and decrypted (transport encryption)
     * @param silenceFrames how many of them were Opus silence
     * @param lastFrameAgeMs milliseconds since the last frame, -1 before the first
     * @param listeners the simulated listeners in the channel
     * @param violations RTP and protocol rules broken by this guild's session (those naming its SSRC)
     */
    public record GuildState(long guildId, OptionalLong channelId, VoiceSessionInfo session, boolean connected,
            int daveProtocolVersion, long daveEpoch, long frames, long silenceFrames, long lastFrameAgeMs,
            List<ListenerState> listeners, List<String> violations) {}

    /**
     * A simulated listener as the control API reports it.
     *
     * @param userId the listener's user
     * @param daveEpoch the MLS epoch the listener is in (the channel's once it has joined the group)
     * @param frames the bot's frames it was offered
     * @param decrypted how many of them it decrypted
     * @param failures how many failed to decrypt
     */
    public record ListenerState(long userId, long daveEpoch, long frames, long decrypted, long failures) {

        static ListenerState of(SimulatedListener l) {
            return new ListenerState(l.userId(), l.session().epoch(), l.frames(), l.decryptedCount(),
                    l.failureCount());
        }
    }

    private final VoiceServer voice;
    private final Population population;
    private final Map<Long, FrameCount> counts = new ConcurrentHashMap<>();

    public VoiceControl(VoiceServer voice, Population population) {
        this.voice = voice;
        this.population = population;
        voice.addFrameListener(this::count);
    }

    private void count(ReceivedFrame frame) {
        FrameCount c = counts.computeIfAbsent(frame.guildId(), g -> new FrameCount());
        c.frames.incrementAndGet();
        if (frame.isSilence()) {
            c.silence.incrementAndGet();
        }
        c.lastNanos = frame.receivedNanos();
    }

    /** The voice server itself. */
    public VoiceServer server() {
        return voice;
    }

    /** Frames that arrived for the guild's bot (0 for a guild nobody sent audio for). */
    public long frames(long guildId) {
        FrameCount c = counts.get(guildId);
        return c == null ? 0 : c.frames.get();
    }

    /** The guild's voice state; {@link SimException.Kind#NOT_FOUND} for a guild the population does not have. */
    public GuildState state(long guildId) {
        population.requireGuild(guildId);
        VoiceSessionInfo session = voice.session(guildId);
        FrameCount c = counts.get(guildId);
        long ageMs = c == null ? -1 : (System.nanoTime() - c.lastNanos) / 1_000_000;
        List<String> violations = List.of();
        if (session != null) {
            Pattern ssrc = Pattern.compile("\\bssrc " + session.ssrc() + "\\b");
            violations = voice.violations().stream().filter(v -> ssrc.matcher(v).find()).toList();
        }
        return new GuildState(guildId, voice.assignedChannel(guildId), session, voice.connected(guildId),
                voice.daveProtocolVersion(guildId), voice.daveEpoch(guildId), c == null ? 0 : c.frames.get(),
                c == null ? 0 : c.silence.get(), ageMs,
                voice.listeners(guildId).stream().map(ListenerState::of).toList(), violations);
    }

    /**
     * A member of the guild joins the bot's voice channel as a simulated listener (op 11 to the bot, then it joins
     * the DAVE group). {@code channelId} 0 means the bot's channel; another channel is allowed only while the bot is
     * in none, and then becomes the channel whose group the bot joins when it gets there.
     */
    public synchronized ListenerState addListener(long guildId, long userId, long channelId) {
        SimGuild guild = population.requireGuild(guildId);
        if (userId == population.bot().id()) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "the bot cannot be its own listener");
        }
        guild.member(userId).orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND,
                "user " + Long.toUnsignedString(userId) + " is not a member of guild " + guildId));
        if (voice.listener(guildId, userId) != null) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "user " + userId + " is already listening");
        }
        OptionalLong botChannel = voice.assignedChannel(guildId);
        if (channelId == 0) {
            channelId = botChannel.orElseThrow(() -> new SimException(SimException.Kind.BAD_REQUEST,
                    "the bot is in no voice channel of guild " + guildId + ": give channel_id"));
        } else if (botChannel.isPresent() && botChannel.getAsLong() != channelId) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "the guild's voice channel is "
                    + Long.toUnsignedString(botChannel.getAsLong()) + " (the bot's): listeners join that one");
        }
        long channel = channelId;
        SimChannel target = guild.channel(channel).orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND,
                "unknown channel " + Long.toUnsignedString(channel)));
        if (!target.isVoice()) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "channel " + channel + " is not a voice channel");
        }
        if (botChannel.isEmpty()) {
            voice.assignChannel(guildId, channel);
        }
        return ListenerState.of(voice.addListener(guildId, userId));
    }

    /** The listener leaves (op 13 to the bot, a remove proposal); NOT_FOUND when it is not listening. */
    public synchronized void removeListener(long guildId, long userId) {
        population.requireGuild(guildId);
        if (voice.listener(guildId, userId) == null) {
            throw new SimException(SimException.Kind.NOT_FOUND, "user " + Long.toUnsignedString(userId)
                    + " is not listening in guild " + guildId);
        }
        voice.removeListener(guildId, userId);
    }
}
