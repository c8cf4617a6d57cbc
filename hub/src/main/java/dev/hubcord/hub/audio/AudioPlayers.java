package dev.hubcord.hub.audio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.hub.routing.AudioGuildOwners;
import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.routing.Snowflakes;
import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.hub.session.Session;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import dev.hubcord.protocol.codec.Json;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the guilds' player state and audio owners in step with what the audio workers report
 * (the recover contract of {@code docs/protocol.md}, "Audio: players, tracks and voice"):
 *
 * <ul>
 *   <li>an audio event carrying {@code player} (PLAYER_UPDATE, TRACK_START, TRACK_END) is the
 *       sender's claim on the guild and, when the claim holds, its latest snapshot; {@code player:
 *       null} means the sender destroyed the player;</li>
 *   <li>a claim holds when the guild has no live owner, when the sender owns it, or when the owner's
 *       last snapshot has no voice channel while the sender's has one (the worker in voice plays the
 *       guild: only one voice connection per guild exists for the bot); the worker that loses the guild
 *       either way gets PLAYER_RELEASED and drops its player;</li>
 *   <li>PLAYER_LEAVE drops the snapshot; PLAYER_RECOVER is answered from it;</li>
 *   <li>when an audio session ends, each guild it owned that was in a voice channel goes to another
 *       worker as PLAYER_JOIN {@code redelivered: true}, unless its own unacknowledged PLAYER_JOIN is
 *       being redelivered anyway; the other guilds' snapshots are dropped.</li>
 * </ul>
 */
public final class AudioPlayers {

    private static final Logger log = LoggerFactory.getLogger(AudioPlayers.class);

    private final AudioGuildOwners owners;
    private final PlayerStates states;
    private final Router router;
    private final LongSupplier clock;
    private final Counter refused;
    private final Counter malformed;

    public AudioPlayers(AudioGuildOwners owners, PlayerStates states, Router router, HubMetrics metrics,
            LongSupplier clock) {
        this.owners = owners;
        this.states = states;
        this.router = router;
        this.clock = clock;
        this.refused = Counter.builder("hub_player_claims_refused")
                .description("player snapshots ignored because another audio worker owns the guild")
                .register(metrics.registry());
        this.malformed = Counter.builder("hub_player_states_malformed")
                .description("audio events whose player field was neither an object nor null").register(metrics.registry());
    }

    /** The register of the latest snapshot per guild (read by the REST API). */
    public PlayerStates states() {
        return states;
    }

    /** Looks at a client event before it is routed on: snapshots and claims from audio workers, PLAYER_LEAVE. */
    public void beforeRoute(Session from, EventType type, Envelope envelope) {
        switch (type) {
            case PLAYER_UPDATE, TRACK_START, TRACK_END -> observe(from, type, envelope);
            case PLAYER_LEAVE -> states.remove(Snowflakes.parse(envelope.guildId()));
            default -> { }
        }
    }

    private void observe(Session from, EventType type, Envelope envelope) {
        if (envelope.guildId() == null) {
            return; // routed as a plain `one` event; nothing to register
        }
        long guild = Snowflakes.parse(envelope.guildId());
        JsonNode d;
        try {
            d = Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (IOException e) {
            return; // the scanner accepted it, so this cannot happen; routing goes on regardless
        }
        JsonNode player = d.get("player");
        if (player == null) {
            return;
        }
        if (player.isNull()) {
            forget(from, guild);
            return;
        }
        if (!player.isObject()) {
            malformed.increment();
            log.warn("{} from {} for guild {}: d.player must be an object or null; not kept", type, from, guild);
            return;
        }
        claim(from, guild, type, new PlayerState(player, text(d.get("textChannelID")), clock.getAsLong()));
    }

    /** {@code player: null}: destroyed by the worker that plays it (a stray worker's null changes nothing). */
    private synchronized void forget(Session from, long guild) {
        Session owner = owners.owner(guild);
        if (owner == null || owner == from) {
            states.remove(guild);
        }
    }

    /** The claim rule; synchronized so that two workers' claims on one guild are decided one after the other. */
    private synchronized void claim(Session from, long guild, EventType type, PlayerState state) {
        Session owner = owners.owner(guild);
        boolean replace = false;
        if (owner != null && owner != from) {
            PlayerState current = states.get(guild);
            replace = state.channelId() != null && (current == null || current.channelId() == null);
        }
        if (!owners.claim(guild, from, replace)) {
            refused.increment();
            log.warn("{} from {} for guild {}: {} owns the guild; snapshot ignored, the sender told to drop the guild",
                    type, from, guild, owner);
            release(from, guild);
            return;
        }
        if (replace) {
            log.info("guild {} moves from {} to {}, which is in its voice channel", guild, owner, from);
            release(owner, guild);
        }
        states.put(guild, state);
    }

    /** PLAYER_RELEASED: the worker must drop its player for the guild (without leaving voice: the owner uses it). */
    private void release(Session worker, long guild) {
        router.sendDirect(worker, EventType.PLAYER_RELEASED, Map.of("guildID", Long.toUnsignedString(guild)));
    }

    /** The REPLY to PLAYER_RECOVER {guildID, nonce}. */
    public Map<String, Object> recover(Envelope request) {
        long guild = Snowflakes.parse(request.guildId());
        PlayerState state = states.get(guild);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("nonce", request.nonce());
        reply.put("guildID", request.guildId());
        reply.put("player", state == null ? null : state.player());
        if (state != null) {
            reply.put("updatedAt", state.updatedAt());
            reply.put("ageMs", Math.max(0, clock.getAsLong() - state.updatedAt()));
        }
        return reply;
    }

    /**
     * What to route for the guilds an ended audio session owned: a PLAYER_JOIN for each one in a
     * voice channel whose own PLAYER_JOIN is not among {@code unacked}.
     */
    public synchronized List<RoutedEvent> takeovers(List<Long> freed, List<RoutedEvent> unacked) {
        Set<Long> joining = new HashSet<>();
        for (RoutedEvent event : unacked) {
            if (event.type() == EventType.PLAYER_JOIN && event.guildId() != null) {
                joining.add(Snowflakes.parse(event.guildId()));
            }
        }
        List<RoutedEvent> joins = new ArrayList<>();
        for (long guild : freed) {
            if (joining.contains(guild)) {
                continue;
            }
            PlayerState state = states.get(guild);
            String channel = state == null ? null : state.channelId();
            if (channel == null) {
                states.remove(guild);
                continue;
            }
            ObjectNode d = Json.mapper().createObjectNode();
            String id = Long.toUnsignedString(guild);
            d.put("guildID", id);
            d.put("channelID", channel);
            if (state.textChannelId() != null) {
                d.put("textChannelID", state.textChannelId());
            }
            d.put("redelivered", true);
            joins.add(RoutedEvent.ofHubForGuild(EventType.PLAYER_JOIN, EnvelopeWriter.data(d), id));
        }
        return joins;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
