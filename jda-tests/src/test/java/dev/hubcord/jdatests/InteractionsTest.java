package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.rest.SentMessage;
import java.time.Duration;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 3: slash commands from the sim, answered with reply, and with deferReply then the hook. */
class InteractionsTest {

    private static JdaSim env;
    private static long channel;
    private static long user;

    @BeforeAll
    static void start() {
        env = JdaSim.start().awaitConnected();
        SimGuild guild = env.guild();
        channel = env.general(guild);
        user = env.plainMembers(guild).getFirst();
        env.jda.addEventListener(new ListenerAdapter() {
            @Override
            public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                switch (event.getName()) {
                    case "ping" -> event.reply("pong").queue();
                    case "slow" -> event.deferReply().queue(hook -> hook.sendMessage("done slowly").queue());
                    case "edit" -> event.deferReply().queue(hook -> hook.editOriginal("edited original").queue());
                    case "more" -> event.reply("first").queue(hook -> hook.sendMessage("second").queue());
                    case "secret" -> event.reply("only you").setEphemeral(true).queue();
                    default -> event.reply("unknown").setEphemeral(true).queue();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    private static SentMessage answerOf(long interactionId, String content) {
        await().atMost(Duration.ofSeconds(10)).until(() -> env.sim.control().messages().stream()
                .anyMatch(m -> m.interactionId() == interactionId && m.content().equals(content) && !m.loading()));
        return env.sim.control().messages().stream()
                .filter(m -> m.interactionId() == interactionId && m.content().equals(content)).findFirst()
                .orElseThrow();
    }

    private static long run(String name) {
        return env.sim.control().events().interactionCreate(channel, user, name, JsonNodeFactory.instance.arrayNode())
                .id();
    }

    @Test
    void slashCommandEventCarriesNameUserAndChannel() {
        long id = run("ping");
        await().atMost(Duration.ofSeconds(10)).until(() -> !env.events(SlashCommandInteractionEvent.class).isEmpty());
        SlashCommandInteractionEvent e = env.events(SlashCommandInteractionEvent.class).stream()
                .filter(ev -> ev.getIdLong() == id).findFirst().orElseThrow();
        assertThat(e.getUser().getIdLong()).isEqualTo(user);
        assertThat(e.getChannelIdLong()).isEqualTo(channel);
        assertThat(e.getMember()).isNotNull();
    }

    @Test
    void replyAnswersTheInteraction() {
        long id = run("ping");
        SentMessage answer = answerOf(id, "pong");
        assertThat(answer.kind()).isEqualTo(SentMessage.Kind.INTERACTION_RESPONSE);
    }

    @Test
    void deferThenFollowUpFillsTheDeferredResponse() {
        long id = run("slow");
        SentMessage answer = answerOf(id, "done slowly");
        assertThat(answer.loading()).isFalse();
    }

    @Test
    void deferThenEditOriginal() {
        long id = run("edit");
        SentMessage answer = answerOf(id, "edited original");
        assertThat(answer.kind()).isEqualTo(SentMessage.Kind.INTERACTION_RESPONSE);
        assertThat(env.sim.control().messages().stream().filter(m -> m.interactionId() == id))
                .as("the deferred response was edited, not replaced").hasSize(1);
    }

    @Test
    void hookRetrievesTheOriginal() {
        long id = run("ping");
        answerOf(id, "pong");
        SlashCommandInteractionEvent e = env.events(SlashCommandInteractionEvent.class).stream()
                .filter(ev -> ev.getIdLong() == id).findFirst().orElseThrow();
        Message original = e.getHook().retrieveOriginal().complete();
        assertThat(original.getContentRaw()).isEqualTo("pong");
    }

    @Test
    void answersAreTypedAsInteractionResponses() {
        long id = run("slow");
        answerOf(id, "done slowly");
        SlashCommandInteractionEvent e = env.events(SlashCommandInteractionEvent.class).stream()
                .filter(ev -> ev.getIdLong() == id).findFirst().orElseThrow();
        Message original = e.getHook().retrieveOriginal().complete();
        assertThat(original.getType()).as("type 20 with interaction_metadata").isEqualTo(MessageType.SLASH_COMMAND);
        assertThat(original.getInteractionMetadata()).isNotNull();
    }

    @Test
    void replyThenFollowUpIsASecondMessage() {
        long id = run("more");
        assertThat(answerOf(id, "first").kind()).isEqualTo(SentMessage.Kind.INTERACTION_RESPONSE);
        assertThat(answerOf(id, "second").kind()).isEqualTo(SentMessage.Kind.FOLLOW_UP);
    }

    @Test
    void ephemeralReplyIsRecordedAsEphemeral() {
        long id = run("secret");
        assertThat(answerOf(id, "only you").ephemeral()).isTrue();
    }

    @Test
    void registersGlobalCommands() {
        var commands = env.jda.getShardById(0).updateCommands()
                .addCommands(Commands.slash("ping", "Replies pong")).complete();
        assertThat(commands).singleElement().satisfies(c -> assertThat(c.getName()).isEqualTo("ping"));
        assertThat(env.jda.getShardById(0).retrieveCommands().complete()).hasSize(1);
    }
}
