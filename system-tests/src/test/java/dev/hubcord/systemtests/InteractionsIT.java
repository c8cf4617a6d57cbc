package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.Http;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.SimInteractions;
import dev.hubcord.systemtests.harness.Tracks;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The built-in commands as Discord users meet them: {@code /ban} asks and only a click bans, {@code /play} suggests
 * tracks from the audio workers' library and its "Now playing" buttons drive the player, {@code /filter} reaches the
 * player's filters, and the commands were registered once for the deployment although two workers started.
 */
class InteractionsIT {

    private final Deployment system = SharedSystem.get();
    private final SimInteractions sim = new SimInteractions(system);

    /** A guild no other scenario plays music in or moderates. */
    private Users users() {
        return new Users(system, system.sim().guilds().get(2).path("id").asText());
    }

    private static ArrayNode options(String... nameTypeValue) {
        ArrayNode options = Http.JSON.createArrayNode();
        for (int i = 0; i < nameTypeValue.length; i += 3) {
            options.addObject().put("name", nameTypeValue[i]).put("type", Integer.parseInt(nameTypeValue[i + 1]))
                    .put("value", nameTypeValue[i + 2]);
        }
        return options;
    }

    @Test
    void slashBanAsksFirstAndOnlyConfirmBans() {
        Users users = users();
        String channel = users.textChannel();
        String mod = users.moderator();
        Set<String> listening = new HashSet<>();
        users.guild().path("voice_states").forEach(v -> listening.add(v.path("user_id").asText()));
        List<JsonNode> people = users.people().stream()
                .filter(p -> !listening.contains(p.path("user_id").asText()) && !p.path("user_id").asText().equals(mod))
                .toList();
        String target = people.getLast().path("user_id").asText();

        // Cancel leaves them
        JsonNode first = system.sim().slash(channel, mod, "ban", options("user", "6", target, "reason", "3", "spam"));
        JsonNode asked = sim.awaitAnswered(first.path("id").asText());
        assertThat(asked.path("callback_type").asInt()).isEqualTo(4);
        assertThat(asked.path("response").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(asked.path("response").path("content").asText()).startsWith("Ban **").endsWith(": spam?");
        JsonNode question = sim.awaitResponseMessage(channel, first.path("id").asText());
        JsonNode cancel = sim.click(question.path("id").asText(), mod, SimInteractions.button(question, "Cancel"));
        assertThat(sim.awaitAnswered(cancel.path("id").asText()).path("callback_type").asInt()).isEqualTo(7);
        await("the question says cancelled").atMost(Duration.ofSeconds(10)).until(() -> sim.message(channel,
                question.path("id").asText()).orElseThrow().path("content").asText().startsWith("Cancelled"));
        assertThat(system.sim().guild(users.guildId()).path("bans").toString()).doesNotContain("\"" + target + "\"");

        // Confirm bans
        JsonNode second = system.sim().slash(channel, mod, "ban", options("user", "6", target, "reason", "3", "spam"));
        sim.awaitAnswered(second.path("id").asText());
        JsonNode again = sim.awaitResponseMessage(channel, second.path("id").asText());
        JsonNode confirm = sim.click(again.path("id").asText(), mod, SimInteractions.button(again, "Confirm"));
        assertThat(sim.awaitAnswered(confirm.path("id").asText()).path("callback_type").asInt()).isEqualTo(7);
        await("the member is banned").atMost(Duration.ofSeconds(10)).until(() -> system.sim()
                .guild(users.guildId()).path("bans").toString().contains("\"" + target + "\""));
        assertThat(sim.message(channel, again.path("id").asText()).orElseThrow().path("content").asText())
                .isEqualTo("Banned <@" + target + ">: spam");
    }

    @Test
    void playWithAutocompleteButtonsAndFilters() {
        Users users = users();
        String channel = users.textChannel();
        String guild = users.guildId();
        String listener = users.guild().path("voice_states").get(0).path("user_id").asText();
        Tracks tracks = SharedSystem.tracks();

        // typing "concert" into /play's query: the library's track
        JsonNode typing = sim.autocomplete(channel, listener, "play", "query", "concert");
        JsonNode suggested = sim.awaitAnswered(typing.path("id").asText());
        assertThat(suggested.path("callback_type").asInt()).isEqualTo(8);
        JsonNode choice = suggested.path("choices").get(0);
        assertThat(choice.path("name").asText()).startsWith("Concert Pitch - The Test Tones");

        // choosing it plays it
        assertThat(users.slash(channel, listener, "play", options("query", "3", choice.path("value").asText())))
                .startsWith("Queued **Concert Pitch**");
        await("the hub's player has the track").atMost(Duration.ofSeconds(20))
                .until(() -> !player(guild).path("track").isNull() && !player(guild).path("track").isMissingNode());
        // two long tones behind it, so that there is something to pause, skip and stop (play's cooldown is 2 s)
        coolDown();
        assertThat(users.command(channel, listener, "!play " + tracks.tone("int-a", 440, 120))).startsWith("Queued");
        coolDown();
        assertThat(users.command(channel, listener, "!play " + tracks.tone("int-b", 550, 120))).startsWith("Queued");

        JsonNode playing = nowPlaying(channel, 0);
        sim.awaitAnswered(sim.click(playing.path("id").asText(), listener, "music:pause").path("id").asText());
        await("paused at the hub").atMost(Duration.ofSeconds(15)).until(() -> player(guild).path("paused").asBoolean());
        String before = player(guild).path("track").path("track").asText();

        // Skip: on the message as it is now (Resume in place of Pause)
        int announced = nowPlayingMessages(channel).size();
        sim.awaitAnswered(sim.click(playing.path("id").asText(), listener, "music:skip").path("id").asText());
        await("the next track at the hub").atMost(Duration.ofSeconds(15))
                .until(() -> !player(guild).path("track").path("track").asText(before).equals(before));

        // /filter nightcore shows in the player's filters
        assertThat(users.slash(channel, listener, "filter", options("preset", "3", "nightcore")))
                .isEqualTo("Filter **nightcore** on.");
        await("the filter at the hub").atMost(Duration.ofSeconds(15)).until(() -> player(guild).path("filters")
                .path("timescale").path("speed").asDouble() == 1.25);

        // Stop, on the next track's own "Now playing"
        JsonNode next = nowPlaying(channel, announced);
        sim.awaitAnswered(sim.click(next.path("id").asText(), listener, "music:stop").path("id").asText());
        await("stopped at the hub").atMost(Duration.ofSeconds(15)).until(() -> player(guild).path("track").isNull()
                || player(guild).path("track").isMissingNode());
        users.command(channel, listener, "!leave");
    }

    @Test
    void commandsWereRegisteredOnceAsDeclared() {
        String app = sim.applicationId();
        List<String> requests = sim.botRegistrationRequests(app);
        // the first pass (at the deployment's start) wrote everything in one bulk overwrite; the other worker
        // starting beside it did not sync (a restarted worker may read again later, but finds nothing to change)
        assertThat(requests).isNotEmpty();
        assertThat(requests.getFirst()).startsWith("GET ");
        assertThat(requests.stream().filter(r -> !r.startsWith("GET ")).toList())
                .containsExactly("PUT /api/v10/applications/" + app + "/commands");
        int passesBeforeThePut = requests.indexOf("PUT /api/v10/applications/" + app + "/commands");
        assertThat(passesBeforeThePut).as("one read before the one write").isEqualTo(1);

        JsonNode registered = sim.registeredCommands();
        List<String> chatInput = new ArrayList<>();
        List<String> userMenus = new ArrayList<>();
        for (JsonNode c : registered) {
            (c.path("type").asInt(1) == 2 ? userMenus : chatInput).add(c.path("name").asText());
        }
        assertThat(chatInput).contains("help", "ping", "userinfo", "serverinfo", "ban", "unban", "kick", "timeout",
                "play", "skip", "stop", "pause", "resume", "volume", "seek", "queue", "nowplaying", "leave", "filter");
        assertThat(userMenus).contains("User info");
        JsonNode ban = command(registered, "ban");
        assertThat(ban.path("default_member_permissions").asText()).isEqualTo("4");
        assertThat(ban.path("options").get(0).path("type").asInt()).isEqualTo(6);
        assertThat(command(registered, "kick").path("default_member_permissions").asText()).isEqualTo("2");
        assertThat(command(registered, "play").path("options").get(0).path("autocomplete").asBoolean()).isTrue();
        assertThat(command(registered, "filter").path("options").get(0).path("choices").toString())
                .contains("\"nightcore\"", "\"vaporwave\"", "\"8d\"", "\"bassboost\"", "\"reset\"");
    }

    private static JsonNode command(JsonNode registered, String name) {
        for (JsonNode c : registered) {
            if (c.path("name").asText().equals(name) && c.path("type").asInt(1) == 1) {
                return c;
            }
        }
        throw new AssertionError("/" + name + " is not registered");
    }

    private static void coolDown() {
        await().pollDelay(Duration.ofMillis(2_100)).atMost(Duration.ofSeconds(5)).until(() -> true);
    }

    private JsonNode player(String guild) {
        return system.hub().get("/v1/players/" + guild).path("player");
    }

    private List<JsonNode> nowPlayingMessages(String channel) {
        return sim.messages(channel).stream().filter(m -> m.path("content").asText().startsWith("Now playing")
                && m.path("components").size() > 0).toList();
    }

    /** The "Now playing" message after the first {@code seen} ones, once posted. */
    private JsonNode nowPlaying(String channel, int seen) {
        return await("a Now playing message").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> nowPlayingMessages(channel), l -> l.size() > seen).get(seen);
    }
}
