package dev.hubcord.discordsim.payload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimVoiceState;
import dev.hubcord.discordsim.support.Sims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GUILD_CREATE, channel and voice shapes as the captures show them. */
class GuildAndVoiceShapesTest {

    private DiscordSim sim;
    private SimGuild guild;

    @BeforeEach
    void start() {
        sim = Sims.start();
        guild = sim.population().guilds().getFirst();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private long channel(String name) {
        return guild.snapshot().channels().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(SimChannel::id).orElseThrow();
    }

    private JsonNode inGuildCreate(ObjectNode create, long channelId) {
        for (JsonNode c : create.path("channels")) {
            if (c.path("id").asText().equals(Long.toUnsignedString(channelId))) {
                return c;
            }
        }
        throw new AssertionError("channel missing " + channelId);
    }

    @Test
    void guildCreateIsLazyAndItsChannelsLookLikeTheCaptures() {
        long general = channel("general");
        ObjectNode before = GuildPayloads.create(guild.snapshot(), sim.population(), true, 250);
        assertThat(before.path("lazy").asBoolean()).isTrue();
        assertThat(inGuildCreate(before, general).path("last_message_id").isNull()).isTrue();
        for (JsonNode c : before.path("channels")) {
            assertThat(c.has("nsfw")).as("GUILD_CREATE channels omit nsfw").isFalse();
            assertThat(c.has("guild_id")).isFalse();
            boolean category = c.path("type").asInt() == SimChannel.CATEGORY;
            assertThat(c.has("parent_id")).as("parent_id on all but categories").isEqualTo(!category);
            assertThat(c.has("last_message_id")).isEqualTo(!category);
        }
        ObjectNode message = sim.control().events().messageCreate(general, guild.members().get(5).userId(), "hi");
        ObjectNode after = GuildPayloads.create(guild.snapshot(), sim.population(), true, 250);
        assertThat(inGuildCreate(after, general).path("last_message_id").asText())
                .isEqualTo(message.path("id").asText());
        ObjectNode rest = GuildPayloads.channel(guild.channel(general).orElseThrow(), guild.id());
        assertThat(rest.path("nsfw").isBoolean()).as("REST and CHANNEL_* channels carry nsfw").isTrue();
    }

    @Test
    void voiceStatesCarrySelfStreamAndTheEndpointIsAHostName() {
        JsonNode state = VoicePayloads.state(new SimVoiceState(1, 2, "s", false, false, false), 3, null);
        assertThat(state.path("self_stream").isBoolean()).isTrue();
        assertThat(sim.voice().endpoint()).matches("localhost:\\d+");
    }
}
