package dev.hubcord.commands.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.commands.interactions.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentsTest {

    @Test
    void customIdsRoundTripWithEscapingAndRespectTheLimit() {
        CustomId id = CustomId.of("page", "a:b", "100%", "%3A");
        String encoded = id.encode();
        assertThat(encoded).isEqualTo("page:a%3Ab:100%25:%253A");
        assertThat(CustomId.parse(encoded)).isEqualTo(id);
        assertThat(CustomId.parse("plain")).isEqualTo(CustomId.of("plain"));
        assertThatThrownBy(() -> CustomId.of("x", "y".repeat(99)).encode())
                .hasMessageStartingWith("custom ID is 101 characters, Discord's limit is 100");
        assertThatThrownBy(() -> CustomId.of("bad name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void buttonsSelectsAndRowsBecomeDiscordsJson() {
        Component.ActionRow row = Component.ActionRow.of(
                Component.Button.success(CustomId.of("vote", "yes"), "Yes").withEmoji("👍"),
                Component.Button.link("https://example.com", "Docs"),
                Component.Button.danger(CustomId.of("vote", "no"), "No").withEmoji("no:123").asDisabled());
        var json = row.toJson();
        assertThat(json.path("type").asInt()).isEqualTo(1);
        assertThat(json.path("components").path(0).path("style").asInt()).isEqualTo(3);
        assertThat(json.path("components").path(1).path("url").asText()).isEqualTo("https://example.com");
        assertThat(json.path("components").path(2).path("emoji").path("id").asText()).isEqualTo("123");
        assertThat(json.path("components").path(2).path("disabled").asBoolean()).isTrue();
        var select = Component.EntitySelect.of(Component.EntityKind.CHANNEL, CustomId.of("where"))
                .channelTypes(0, 2).defaults(new Component.DefaultValue("9", "channel")).choose("Pick", 1, 2);
        assertThat(select.toJson().path("type").asInt()).isEqualTo(8);
        assertThat(select.toJson().path("channel_types")).hasSize(2);
        assertThat(Component.EntitySelect.of(Component.EntityKind.USER, CustomId.of("u")).toJson().path("type")
                .asInt()).isEqualTo(5);
        assertThat(Component.StringSelect.of(CustomId.of("s"), Component.SelectOption.of("A", "a")).toJson()
                .path("options").path(0).path("value").asText()).isEqualTo("a");
        assertThat(Modal.of(CustomId.of("m"), "Title", Component.TextInput.paragraph("body", "Body").length(1, 50))
                .toJson().path("components").path(0).path("components").path(0).path("style").asInt()).isEqualTo(2);
    }

    @Test
    void illegalLayoutsAreRefusedWhenBuilt() {
        var button = Component.Button.primary(CustomId.of("b"), "B");
        var select = Component.StringSelect.of(CustomId.of("s"), Component.SelectOption.of("A", "a"));
        assertThatThrownBy(() -> Component.ActionRow.of(button, select)).hasMessageContaining("1-5 buttons");
        assertThatThrownBy(() -> new Component.ActionRow(List.of(button, button, button, button, button, button)))
                .hasMessageContaining("1-5 buttons");
        assertThatThrownBy(() -> Reply.text("hi").withComponents(button)).hasMessageContaining("action row");
        var text = new ComponentsV2.TextDisplay("**hello**");
        assertThatThrownBy(() -> Reply.text("content").withComponents(text))
                .hasMessageContaining("components v2 message");
        assertThatThrownBy(() -> Component.ActionRow.of(text)).hasMessageContaining("only buttons");
        assertThatThrownBy(() -> new ComponentsV2.Section(List.of(text), select)).hasMessageContaining("accessory");
        var container = new ComponentsV2.Container(List.of(text), 0xff0000, false);
        assertThatThrownBy(() -> new ComponentsV2.Container(List.of(container), null, false))
                .hasMessageContaining("a container holds");
        assertThatThrownBy(() -> Reply.text("x").withComponents(Component.ActionRow.of(
                Component.TextInput.shortText("t", "T")))).hasMessageContaining("modal");
    }

    @Test
    void aComponentsV2MessageSetsTheFlag() {
        Reply layout = Reply.layout(new ComponentsV2.Container(List.of(new ComponentsV2.TextDisplay("Now playing"),
                new ComponentsV2.Section(List.of(new ComponentsV2.TextDisplay("a song")),
                        new ComponentsV2.Thumbnail("https://x/cover.png", null, false)),
                new ComponentsV2.Separator(true, false),
                new ComponentsV2.MediaGallery(List.of(new ComponentsV2.MediaItem("https://x/a.png", null, false))),
                new ComponentsV2.FileComponent("song.mp3", false),
                Component.ActionRow.of(Component.Button.secondary(CustomId.of("skip"), "Skip"))), 0x00ff00, false))
                .asEphemeral();
        var json = layout.toJson(true);
        assertThat(json.path("flags").asInt()).isEqualTo(ComponentsV2.IS_COMPONENTS_V2 | Reply.EPHEMERAL);
        assertThat(json.has("content")).isFalse();
        assertThat(json.path("components").path(0).path("type").asInt()).isEqualTo(17);
        assertThat(layout.toJson(false).path("flags").asInt()).as("an edit keeps the v2 flag only")
                .isEqualTo(ComponentsV2.IS_COMPONENTS_V2);
    }
}
