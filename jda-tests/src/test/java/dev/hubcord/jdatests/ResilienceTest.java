package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.population.SimGuild;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5: op 7, op 9 (resumable or not) and a 4000 close. JDA resumes where it may (no second IDENTIFY) and
 * misses no message sent while it was away.
 */
class ResilienceTest {

    private JdaSim env;
    private int shard;
    private long channel;
    private long user;

    @BeforeEach
    void start() {
        env = JdaSim.start().awaitConnected();
        SimGuild guild = env.guild();
        shard = (int) ((guild.id() >> 22) % JdaSim.SHARDS);
        channel = env.general(guild);
        user = env.plainMembers(guild).getFirst();
    }

    @AfterEach
    void stop() {
        if (env != null) {
            env.close();
        }
    }

    private JDA jdaShard() {
        return env.jda.getShardById(shard);
    }

    private void messageStillArrives(String content) {
        env.sim.control().events().messageCreate(channel, user, content);
        await().atMost(Duration.ofSeconds(30)).until(() -> env.events(MessageReceivedEvent.class).stream()
                .anyMatch(e -> e.getMessage().getContentRaw().equals(content)));
    }

    private void resumedWithoutIdentify() {
        await().atMost(Duration.ofSeconds(30)).until(() -> env.events(SessionResumeEvent.class).stream()
                .anyMatch(e -> e.getJDA() == jdaShard()));
        assertThat(env.sim.control().gateway().acceptedIdentifies(shard)).as("IDENTIFYs of shard %d", shard)
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdaShard().getStatus() == JDA.Status.CONNECTED);
    }

    @Test
    void op7ReconnectResumes() {
        assertThat(env.sim.control().gateway().reconnectShard(shard)).isPositive();
        resumedWithoutIdentify();
        messageStillArrives("after op 7");
    }

    @Test
    void close4000Resumes() {
        assertThat(env.sim.control().gateway().closeShard(shard, 4000)).isPositive();
        resumedWithoutIdentify();
        messageStillArrives("after 4000");
    }

    @Test
    void resumableOp9Resumes() {
        assertThat(env.sim.control().gateway().invalidateShard(shard, true)).isPositive();
        resumedWithoutIdentify();
        messageStillArrives("after op 9 true");
    }

    @Test
    void nonResumableOp9IdentifiesAgain() {
        assertThat(env.sim.control().gateway().invalidateShard(shard, false)).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> env.events(SessionRecreateEvent.class).stream()
                .anyMatch(e -> e.getJDA() == jdaShard()));
        assertThat(env.sim.control().gateway().acceptedIdentifies(shard)).isEqualTo(2);
        messageStillArrives("after op 9 false");
    }
}
