package dev.hubcord.sharder.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.DiscordCache;
import dev.hubcord.cache.model.Member;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.VoicePayloads;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.metrics.SharderMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discord payloads (as the simulator shapes them) through the forwarder into the hub's real cache:
 * every entity the sharder produces must be accepted by the cache the hub runs, and mean the same.
 */
class ForwarderCacheTest {

    private final Population population = Population.generate(PopulationConfig.defaults().withGuilds(3));
    private final DiscordCache cache = new DiscordCache(CacheConfig.defaults(), Json.mapper());
    private final List<ObjectNode> sent = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final GuildMirror mirror = new GuildMirror();
    private DispatchForwarder forwarder;

    /** A HubSink that hands each entity to a real cache as the hub does: as bytes. */
    private final class CacheSink implements HubSink {
        private final DiscordCache target;
        private boolean full;

        CacheSink(DiscordCache target) {
            this.target = target;
        }

        @Override
        public boolean sendCache(long guildId, ObjectNode entity) {
            if (full) {
                return false;
            }
            try {
                target.apply(Json.mapper().writeValueAsBytes(entity));
            } catch (Exception e) {
                throw new AssertionError("cache refused " + entity + ": " + e.getMessage(), e);
            }
            sent.add(entity);
            return true;
        }

        @Override
        public boolean sendEvent(String event, Object data) {
            events.add(event);
            return true;
        }
    }

    @BeforeEach
    void setUp() {
        forwarder = new DispatchForwarder(new CacheSink(cache), mirror, new BotIdentity(), "!",
                Set.of("GUILD_BAN_ADD"), new SharderMetrics());
        ObjectNode ready = Json.mapper().createObjectNode();
        ready.putObject("user").put("id", Long.toString(population.bot().id()));
        ready.putObject("application").put("id", Long.toString(population.bot().id()));
        forwarder.forward(0, "READY", ready);
    }

    private SimGuild guild() {
        return population.guilds().getFirst();
    }

    private void create(SimGuild g, boolean presences) {
        forwarder.forward(0, "GUILD_CREATE", GuildPayloads.create(g.snapshot(), population, presences, 250));
    }

    @Test
    void guildCreateFillsGuildRolesChannelsMembersAndVoiceStates() {
        SimGuild g = guild();
        create(g, true);
        SimGuild.Snapshot snap = g.snapshot();
        var cached = cache.guild(g.id()).orElseThrow();
        assertThat(cached.name()).isEqualTo(snap.name());
        assertThat(cached.ownerId()).isEqualTo(snap.ownerId());
        assertThat(cached.memberCount()).isEqualTo(snap.members().size());
        assertThat(cached.roleCount()).isEqualTo(snap.roles().size());
        assertThat(cached.channelCount()).isEqualTo(snap.channels().size());
        assertThat(cached.voiceStateCount()).isEqualTo(snap.voiceStates().size());
        SimMember someone = snap.members().get(1);
        Member member = cache.member(g.id(), someone.userId()).orElseThrow();
        assertThat(member.roles()).containsExactlyInAnyOrder(someone.roles().stream().mapToLong(Long::longValue).toArray());
        assertThat(member.nickname()).isEqualTo(someone.nick());
        assertThat(member.user().username()).isEqualTo(population.requireUser(someone.userId()).username());
        // Overwrites survive: the computed permissions agree with the simulator's own algorithm.
        var channel = snap.channels().stream().filter(c -> !c.overwrites().isEmpty()).findFirst().orElseThrow();
        long expected = dev.hubcord.discordsim.population.Permissions.inChannel(snap, someone, channel,
                System.currentTimeMillis());
        assertThat(cache.permissions(g.id(), someone.userId(), channel.id()).orElseThrow()).isEqualTo(expected);
    }

    @Test
    void memberRoleChannelAndVoiceEventsUpdateTheCache() {
        SimGuild g = guild();
        create(g, true);
        SimGuild.Snapshot snap = g.snapshot();
        SimMember target = snap.members().get(2);
        SimRole role = snap.roles().stream().filter(r -> r.id() != g.id() && !r.managed()).findFirst().orElseThrow();

        ObjectNode update = GuildPayloads.member(target.withNick("renamed").withRoles(List.of(role.id())), population);
        update.put("guild_id", Long.toString(g.id()));
        forwarder.forward(0, "GUILD_MEMBER_UPDATE", update);
        assertThat(cache.member(g.id(), target.userId()).orElseThrow().nickname()).isEqualTo("renamed");

        ObjectNode roleDelete = Json.mapper().createObjectNode().put("guild_id", Long.toString(g.id()))
                .put("role_id", Long.toString(role.id()));
        forwarder.forward(0, "GUILD_ROLE_DELETE", roleDelete);
        assertThat(cache.role(g.id(), role.id())).isEmpty();
        assertThat(cache.member(g.id(), target.userId()).orElseThrow().roles()).doesNotContain(role.id());

        ObjectNode remove = Json.mapper().createObjectNode().put("guild_id", Long.toString(g.id()));
        remove.putObject("user").put("id", Long.toString(target.userId())).put("username", "x");
        forwarder.forward(0, "GUILD_MEMBER_REMOVE", remove);
        assertThat(cache.member(g.id(), target.userId())).isEmpty();
        assertThat(cache.guild(g.id()).orElseThrow().memberCount()).isEqualTo(snap.members().size() - 1);

        var channel = snap.channels().getFirst();
        forwarder.forward(0, "CHANNEL_DELETE", GuildPayloads.channel(channel, g.id()));
        assertThat(cache.channel(g.id(), channel.id())).isEmpty();
        forwarder.forward(0, "CHANNEL_CREATE", GuildPayloads.channel(channel.withName("back"), g.id()));
        assertThat(cache.channel(g.id(), channel.id()).orElseThrow().name()).isEqualTo("back");

        var voice = snap.voiceStates().getFirst();
        ObjectNode left = VoicePayloads.state(voice, g.id(), null);
        left.putNull("channel_id");
        forwarder.forward(0, "VOICE_STATE_UPDATE", left);
        assertThat(cache.voiceState(g.id(), voice.userId())).isEmpty();
    }

    @Test
    void outageIsNotARemovalButARealDeleteIs() {
        SimGuild g = guild();
        create(g, false);
        forwarder.forward(0, "GUILD_DELETE", GuildPayloads.unavailable(g.id()));
        assertThat(cache.guild(g.id()).orElseThrow().unavailable()).isTrue();
        assertThat(cache.roles(g.id()).orElseThrow()).isNotEmpty();
        assertThat(mirror.size()).isEqualTo(1);
        forwarder.forward(0, "GUILD_DELETE", Json.mapper().createObjectNode().put("id", Long.toString(g.id())));
        assertThat(cache.guild(g.id())).isEmpty();
        assertThat(mirror.size()).isZero();
    }

    @Test
    void mirrorResendRebuildsAnEmptyCacheExactly() {
        for (SimGuild g : population.guilds()) {
            create(g, true);
        }
        SimGuild g = guild();
        ObjectNode add = GuildPayloads.member(new SimMember(population.bot().id() + 1, "late", List.of(),
                System.currentTimeMillis(), 0, false, false, "online"), null);
        add.putObject("user").put("id", Long.toString(population.guilds().get(1).ownerId())).put("username", "owner");
        add.put("guild_id", Long.toString(g.id()));
        forwarder.forward(0, "GUILD_MEMBER_ADD", add);

        DiscordCache fresh = new DiscordCache(CacheConfig.defaults(), Json.mapper());
        List<Long> ids = mirror.guildIds(shard -> true, 1);
        assertThat(mirror.resend(ids, new CacheSink(fresh))).isEmpty();
        for (SimGuild each : population.guilds()) {
            assertThat(fresh.guild(each.id())).isEqualTo(cache.guild(each.id()));
            assertThat(fresh.roles(each.id()).orElseThrow()).containsExactlyInAnyOrderElementsOf(cache.roles(each.id()).orElseThrow());
            assertThat(fresh.channels(each.id()).orElseThrow()).containsExactlyInAnyOrderElementsOf(cache.channels(each.id()).orElseThrow());
            assertThat(fresh.voiceStates(each.id()).orElseThrow()).containsExactlyInAnyOrderElementsOf(cache.voiceStates(each.id()).orElseThrow());
        }
        long owner = population.guilds().get(1).ownerId();
        assertThat(fresh.member(g.id(), owner).orElseThrow().nickname()).isEqualTo("late");
    }

    @Test
    void resendStopsAtTheFirstRefusalAndReportsWhatIsLeft() {
        for (SimGuild g : population.guilds()) {
            create(g, false);
        }
        CacheSink full = new CacheSink(new DiscordCache(CacheConfig.defaults(), Json.mapper()));
        full.full = true;
        List<Long> ids = mirror.guildIds(shard -> true, 1);
        assertThat(mirror.resend(ids, full)).containsExactlyElementsOf(ids);
    }

    @Test
    void dispatchNamesFromTheSettingAreForwardedRawAndOthersAreNot() {
        JsonNode ban = Json.mapper().createObjectNode().put("guild_id", Long.toString(guild().id()));
        forwarder.forward(3, "GUILD_BAN_ADD", ban);
        forwarder.forward(3, "TYPING_START", ban);
        assertThat(events).containsExactly("DISPATCH");
    }
}
