package dev.hubcord.commands.music;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.protocol.codec.Json;
import org.junit.jupiter.api.Test;

/** What {@code play} makes of the audio worker's LOAD_TRACKS answers. */
class PlayCommandTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void aSearchTakesTheFirstResult() throws Exception {
        JsonNode r = json("{\"loadType\":\"search\",\"data\":[{\"encoded\":\"A\"},{\"encoded\":\"B\"}]}");
        assertThat(PlayCommand.tracks(r, "words", true)).extracting(t -> t.path("encoded").asText())
                .containsExactly("A");
    }

    @Test
    void aFailedSearchShowsTheWorkersSentenceAndAFailedUrlSaysItCouldNotLoad() throws Exception {
        String because = "Nothing found for \\\"words\\\" (SoundCloud search failed: Loading search results from"
                + " SoundCloud failed. (UnknownHostException: api-v2.soundcloud.com))";
        JsonNode error = json("{\"loadType\":\"error\",\"data\":{\"message\":\"" + because + "\"}}");
        assertThatThrownBy(() -> PlayCommand.tracks(error, "words", true)).isInstanceOf(CommandException.class)
                .hasMessage("Nothing found for \"words\" (SoundCloud search failed: Loading search results from"
                        + " SoundCloud failed. (UnknownHostException: api-v2.soundcloud.com))");
        JsonNode http = json("{\"loadType\":\"error\",\"data\":{\"message\":\"404\"}}");
        assertThatThrownBy(() -> PlayCommand.tracks(http, "https://x.test/a.mp3", false))
                .hasMessage("Couldn't load that: 404");
        JsonNode empty = json("{\"loadType\":\"empty\",\"data\":{}}");
        assertThatThrownBy(() -> PlayCommand.tracks(empty, "words", true)).hasMessage("Nothing found for `words`.");
    }
}
