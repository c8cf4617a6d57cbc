package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.rest.SentMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.EmbedType;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 2: a user's message reaches JDA; JDA sends, replies with an embed and uploads a file; the sim records them.
 */
class MessagesTest {

    private static JdaSim env;
    private static SimGuild guild;
    private static long channel;
    private static long user;

    @BeforeAll
    static void start() {
        env = JdaSim.start().awaitConnected();
        guild = env.guild();
        channel = env.general(guild);
        user = env.plainMembers(guild).getFirst();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    private static Message received(String content) {
        await().atMost(Duration.ofSeconds(10)).until(() -> env.events(MessageReceivedEvent.class).stream()
                .anyMatch(e -> e.getMessage().getContentRaw().equals(content)));
        return env.events(MessageReceivedEvent.class).stream().map(MessageReceivedEvent::getMessage)
                .filter(m -> m.getContentRaw().equals(content)).findFirst().orElseThrow();
    }

    @Test
    void userMessageIsReceivedWithAuthorMemberAndContent() {
        env.sim.control().events().messageCreate(channel, user, "hello jda");
        Message m = received("hello jda");
        assertThat(m.getAuthor().getIdLong()).isEqualTo(user);
        assertThat(m.getMember()).isNotNull();
        assertThat(m.getChannel().getIdLong()).isEqualTo(channel);
        assertThat(m.getGuild().getIdLong()).isEqualTo(guild.id());
    }

    @Test
    void sendMessageIsRecordedAndEchoed() {
        TextChannel text = env.jda.getTextChannelById(channel);
        Message sent = text.sendMessage("plain from jda").complete();
        assertThat(sent.getContentRaw()).isEqualTo("plain from jda");
        assertThat(received("plain from jda").getIdLong()).isEqualTo(sent.getIdLong());
        assertThat(env.sim.control().messages()).anyMatch(r -> r.id() == sent.getIdLong()
                && r.kind() == SentMessage.Kind.MESSAGE && r.content().equals("plain from jda"));
    }

    @Test
    void replyIsAnInlineReplyToTheQuestion() {
        env.sim.control().events().messageCreate(channel, user, "!reply");
        Message question = received("!reply");
        Message reply = question.reply("answer").complete();

        assertThat(reply.getType()).isEqualTo(MessageType.INLINE_REPLY);
        assertThat(reply.getMessageReference()).isNotNull();
        assertThat(reply.getMessageReference().getMessageIdLong()).isEqualTo(question.getIdLong());
        assertThat(received("answer").getMessageReference().getMessageIdLong()).isEqualTo(question.getIdLong());
        assertThat(env.sim.control().messages()).anyMatch(r -> r.id() == reply.getIdLong()
                && r.replyTo() == question.getIdLong());
    }

    @Test
    void replyCarriesTheReferencedMessage() {
        env.sim.control().events().messageCreate(channel, user, "!referenced");
        Message question = received("!referenced");
        Message reply = question.reply("referencing").complete();
        assertThat(reply.getReferencedMessage()).as("referenced_message of the REST answer").isNotNull();
        assertThat(received("referencing").getReferencedMessage()).as("referenced_message of MESSAGE_CREATE")
                .isNotNull();
    }

    @Test
    void embedSurvivesTheRoundTrip() {
        MessageEmbed embed = new EmbedBuilder().setTitle("Answer").setDescription("forty-two")
                .addField("field", "value", true).build();
        Message sent = env.jda.getTextChannelById(channel).sendMessage("with embed").setEmbeds(embed).complete();
        assertThat(sent.getEmbeds()).as("embeds of the REST answer").hasSize(1);
        assertThat(sent.getEmbeds().getFirst().getType()).isEqualTo(EmbedType.RICH);
        assertThat(sent.getEmbeds().getFirst().getTitle()).isEqualTo("Answer");
        assertThat(received("with embed").getEmbeds()).as("embeds of MESSAGE_CREATE").hasSize(1);
    }

    @Test
    void aFileIsUploadedAndServedAtItsUrl() throws Exception {
        byte[] bytes = "bytes from jda".getBytes(StandardCharsets.UTF_8);
        Message sent = env.jda.getTextChannelById(channel).sendMessage("with a file")
                .addFiles(FileUpload.fromData(bytes, "jda.txt")).complete();
        assertThat(sent.getAttachments()).hasSize(1);
        Message.Attachment file = sent.getAttachments().getFirst();
        assertThat(file.getFileName()).isEqualTo("jda.txt");
        assertThat(file.getSize()).isEqualTo(bytes.length);
        assertThat(received("with a file").getAttachments()).as("attachments of MESSAGE_CREATE").hasSize(1);
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(file.getUrl())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(env.sim.control().messages()).anyMatch(r -> r.id() == sent.getIdLong()
                && r.attachments().path(0).path("filename").asText().equals("jda.txt"));
    }
}
