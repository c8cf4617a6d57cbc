package dev.hubcord.commands.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Resolver;
import dev.hubcord.commands.api.UsageException;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.discordrest.Route;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tokenizer, flags, durations and route keys, without any server. */
class ArgumentParserTest {

    static final Argument<String> WHO = Argument.of("who", ArgumentTypes.TEXT);
    static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional();
    static final Argument<Duration> TIME = Argument.of("time", ArgumentTypes.DURATION).flag("t").optional();
    static final Argument<Long> COUNT = Argument.of("count", ArgumentTypes.integer(1, 10)).flag("n").optional();
    static final CommandSpec SPEC = CommandSpec.builder("ban").arguments(WHO, REASON, TIME, COUNT).build();
    static final Resolver NONE = new Resolver() {
        @Override
        public HubApi hub() {
            throw new AssertionError("no lookups here");
        }

        @Override
        public String guildId() {
            return "1";
        }
    };

    private static ParsedArguments parse(String raw) {
        return ArgumentParser.parse(SPEC, raw, NONE);
    }

    @Test
    void seedExampleSplitsIntoUserReasonAndFlag() {
        ParsedArguments p = parse("minemidnight#0001 spamming -t 5h");
        assertThat(p.get(WHO)).contains("minemidnight#0001");
        assertThat(p.get(REASON)).contains("spamming");
        assertThat(p.get(TIME)).contains(Duration.ofHours(5));
    }

    @Test
    void quotesLongFlagsAndInlineValues() {
        ParsedArguments p = parse("\"two words\" --time=1d12h being 'very' rude -n 3");
        assertThat(p.get(WHO)).contains("two words");
        assertThat(p.get(REASON)).contains("being very rude");
        assertThat(p.get(TIME)).contains(Duration.ofHours(36));
        assertThat(p.get(COUNT)).contains(3L);
    }

    @Test
    void quotedFlagsArePlainWordsAndEscapesWork() {
        assertThat(parse("x \"-t\" 5h").get(REASON)).contains("-t 5h");
        assertThat(parse("a\\ b").get(WHO)).contains("a b");
        assertThat(parse("x --time=\"90s\"").get(TIME)).contains(Duration.ofSeconds(90));
    }

    @Test
    void badInputIsAUsageErrorThatSaysWhy() {
        assertThatThrownBy(() -> parse("")).isInstanceOf(UsageException.class).hasMessage("Missing `<who>`.");
        assertThatThrownBy(() -> parse("x --nope 1")).hasMessage("`--nope` is not a flag of `ban`.");
        assertThatThrownBy(() -> parse("x -t")).hasMessage("`-t` needs a duration after it.");
        assertThatThrownBy(() -> parse("x -t 5h -t 1h")).hasMessage("`-t` is given twice.");
        assertThatThrownBy(() -> parse("x -n 11")).hasMessage("`count`: `11` is out of range: use 1 to 10.");
        assertThatThrownBy(() -> parse("x -n ten")).hasMessage("`count`: `ten` is not a whole number.");
        assertThatThrownBy(() -> parse("x -t 0s")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse("x -t 99999999999d")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> parse("x 'open")).hasMessage("A quote (') is never closed.");
        assertThatThrownBy(() -> ArgumentParser.parse(CommandSpec.builder("one").arguments(WHO).build(), "a b", NONE))
                .hasMessage("Too many arguments: `b` is one too many.");
    }

    @Test
    void durationsFormatBack() {
        assertThat(Durations.parse("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("2W")).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("1d 12h");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m 30s");
    }

    @Test
    void specsRejectImpossibleDeclarations() {
        assertThatThrownBy(() -> CommandSpec.builder("x").arguments(REASON, WHO).build())
                .hasMessageContaining("greedy");
        assertThatThrownBy(() -> CommandSpec.builder("Bad Name").build()).hasMessageContaining("lower-case");
        assertThat(SPEC.usage()).isEqualTo("ban <who> [reason...] [-t duration] [-n number]");
    }

    @Test
    void routesKeyBucketsByMajorParameter() {
        Route a = Route.of("POST", "/channels/111/messages");
        Route b = Route.of("POST", "/channels/222/messages");
        assertThat(a.key()).isEqualTo(b.key()).isEqualTo("POST /channels/:channel/messages");
        assertThat(a.major()).isEqualTo("channel:111");
        Route ban = Route.of("PUT", "/guilds/5/bans/6");
        assertThat(ban.key()).isEqualTo("PUT /guilds/:guild/bans/:id");
        assertThat(ban.major()).isEqualTo("guild:5");
        Route callback = Route.of("POST", "/interactions/9/tok/callback");
        assertThat(callback.globalExempt()).isTrue();
        assertThat(callback.needsAuth()).isFalse();
        assertThat(callback.key()).isEqualTo("POST /interactions/:interaction/:token/callback");
        assertThat(Route.of("PATCH", "/webhooks/1/tok/messages/@original").major()).isEqualTo("webhook:1/tok");
        assertThat(Route.of("PUT", "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me").key())
                .isEqualTo("PUT /channels/:channel/messages/:id/reactions/:reaction");
    }
}
