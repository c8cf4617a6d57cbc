package dev.hubcord.discordsim.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape comparison the capture test relies on finds what it must, and only that. */
class JsonShapeTest {

    private static JsonNode json(String text) throws Exception {
        return TestGatewayClient.JSON.readTree(text);
    }

    private static List<String> diff(String expected, String actual) throws Exception {
        return JsonShape.of(json(expected)).differences(JsonShape.of(json(actual)), "$", p -> false, p -> false);
    }

    @Test
    void missingExtraAndRetypedFieldsAreReportedWithTheirPaths() throws Exception {
        assertThat(diff("{\"a\":1,\"b\":{\"c\":\"x\"}}", "{\"a\":\"1\",\"b\":{\"d\":true}}")).containsExactly(
                "$.a: type [STRING] where Discord sends [NUMBER]",
                "$.b.c: missing (Discord sends [STRING])",
                "$.b.d: extra (not in the capture)");
    }

    @Test
    void nullIsCompatibleWithAnyTypeAndEmptyArraysSayNothing() throws Exception {
        assertThat(diff("{\"a\":null,\"b\":\"x\",\"c\":[]}", "{\"a\":{\"z\":1},\"b\":null,\"c\":[1]}")).isEmpty();
    }

    @Test
    void arraysCompareTheUnionOfTheirElements() throws Exception {
        String capture = "{\"ch\":[{\"id\":\"1\",\"topic\":null},{\"id\":\"2\",\"bitrate\":64000}]}";
        assertThat(diff(capture, "{\"ch\":[{\"id\":\"3\",\"topic\":\"t\"},{\"id\":\"4\",\"bitrate\":8}]}")).isEmpty();
        assertThat(diff(capture, "{\"ch\":[{\"id\":\"3\",\"topic\":\"t\"}]}"))
                .containsExactly("$.ch[].bitrate: missing (Discord sends [NUMBER])");
        assertThat(diff(capture, "{\"ch\":[{\"id\":3,\"topic\":\"t\",\"bitrate\":8}]}"))
                .containsExactly("$.ch[].id: type [NUMBER] where Discord sends [STRING]");
    }

    @Test
    void hasFollowsTheDifferencesPaths() throws Exception {
        JsonShape s = JsonShape.of(json("{\"d\":{\"channels\":[{\"nsfw\":false}],\"user\":{\"id\":\"1\"}}}"));
        assertThat(s.has("$.d.channels[].nsfw")).isTrue();
        assertThat(s.has("$.d.user.id")).isTrue();
        assertThat(s.has("$.d.channels[].topic")).isFalse();
        assertThat(s.has("$.d.members[].user")).isFalse();
    }
}
