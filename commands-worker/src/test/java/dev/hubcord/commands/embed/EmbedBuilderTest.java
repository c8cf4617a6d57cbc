package dev.hubcord.commands.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.commands.interactions.Reply;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class EmbedBuilderTest {

    private static String chars(int n) {
        return "x".repeat(n);
    }

    @Test
    void anEmbedWithinTheLimitsBecomesDiscordsObject() {
        Embed e = Embed.builder().title("Now playing", "https://example.com").description("a song").color(0x123456)
                .field("Length", "3:12", true).footer("queue: 2").author("DJ").build();
        assertThat(e.toJson().path("title").asText()).isEqualTo("Now playing");
        assertThat(e.toJson().path("fields").path(0).path("inline").asBoolean()).isTrue();
        assertThat(e.toJson().path("color").asInt()).isEqualTo(0x123456);
        assertThat(e.length()).isEqualTo("Now playing".length() + 6 + 6 + 4 + 8 + 2);
    }

    @Test
    void eachLimitIsNamedWhenPassed() {
        assertThatThrownBy(() -> Embed.builder().title(chars(257))).isInstanceOf(EmbedLimitException.class)
                .hasMessage("embed title is 257 characters, Discord's limit is 256");
        assertThatThrownBy(() -> Embed.builder().description(chars(4097)))
                .hasMessage("embed description is 4097 characters, Discord's limit is 4096");
        assertThatThrownBy(() -> Embed.builder().field(chars(257), "v")).hasMessageStartingWith("embed field name");
        assertThatThrownBy(() -> Embed.builder().field("n", chars(1025))).hasMessageStartingWith("embed field value");
        assertThatThrownBy(() -> Embed.builder().footer(chars(2049))).hasMessageStartingWith("embed footer");
        assertThatThrownBy(() -> Embed.builder().author(chars(257))).hasMessageStartingWith("embed author name");
        EmbedBuilder many = Embed.builder();
        for (int i = 0; i < 25; i++) {
            many.field("f" + i, "v");
        }
        assertThatThrownBy(() -> many.field("one more", "v")).isInstanceOf(EmbedLimitException.class)
                .hasMessage("embed fields is 26, Discord's limit is 25");
    }

    @Test
    void theTotalsAreCheckedPerEmbedAndPerMessage() {
        EmbedBuilder big = Embed.builder().description(chars(4096));
        big.field("a", chars(1024)).field("b", chars(1024));
        assertThatThrownBy(big::build).isInstanceOf(EmbedLimitException.class)
                .hasMessage("embed total is 6146 characters, Discord's limit is 6000");
        Embed half = Embed.builder().description(chars(3500)).build();
        assertThatThrownBy(() -> Reply.embeds(half, half)).isInstanceOf(EmbedLimitException.class)
                .hasMessage("message embeds total is 7000 characters, Discord's limit is 6000");
        Embed small = Embed.builder().title("t").build();
        assertThatThrownBy(() -> Reply.embeds(Collections.nCopies(11, small).toArray(Embed[]::new)))
                .hasMessage("message embeds is 11, Discord's limit is 10");
    }
}
