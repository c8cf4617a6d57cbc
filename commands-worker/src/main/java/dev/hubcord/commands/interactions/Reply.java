package dev.hubcord.commands.interactions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentsV2;
import dev.hubcord.commands.embed.Embed;
import dev.hubcord.commands.embed.EmbedBuilder;
import dev.hubcord.discordrest.FileUpload;
import dev.hubcord.protocol.codec.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message a handler sends: content (at most 2000 characters), up to 10 embeds (6000 characters together), top-level
 * components, up to 10 files, who it may ping, and whether only the invoker sees it. Classic messages have action rows at the top
 * level (at most 5); a message with any components v2 layout component is a components v2 message: it gets
 * {@code IS_COMPONENTS_V2} and may have no content and no embeds (Discord's rule), which the constructor checks.
 */
public record Reply(String content, List<Embed> embeds, List<Component> components, AllowedMentions mentions,
        boolean ephemeral, List<FileUpload> files) {

    public static final int MAX_CONTENT = 2000;
    /** Message flag: only the invoker sees it. */
    public static final int EPHEMERAL = 64;

    public Reply {
        embeds = List.copyOf(embeds);
        components = List.copyOf(components);
        files = files == null ? List.of() : List.copyOf(files);
        if (files.size() > 10) {
            throw new IllegalArgumentException("a message has at most 10 files, not " + files.size());
        }
        mentions = mentions == null ? AllowedMentions.none() : mentions;
        if (content != null && content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("message content is " + content.length()
                    + " characters, Discord's limit is " + MAX_CONTENT);
        }
        EmbedBuilder.checkMessage(embeds);
        boolean v2 = components.stream().anyMatch(Component::needsV2);
        if (v2 && (content != null && !content.isEmpty() || !embeds.isEmpty())) {
            throw new IllegalArgumentException("a components v2 message (text display, section, container...) has"
                    + " no content and no embeds: put the text in a text display");
        }
        if (!v2 && components.size() > 5) {
            throw new IllegalArgumentException("a message has at most 5 action rows, not " + components.size());
        }
        if (!v2 && components.stream().anyMatch(c -> !(c instanceof Component.ActionRow))) {
            throw new IllegalArgumentException("buttons and selects go in an action row");
        }
        if (components.stream().anyMatch(c -> c instanceof Component.ActionRow row
                && row.children().stream().anyMatch(x -> x instanceof Component.TextInput))) {
            throw new IllegalArgumentException("text inputs belong in a modal, not in a message");
        }
        if ((content == null || content.isEmpty()) && embeds.isEmpty() && components.isEmpty() && files.isEmpty()) {
            throw new IllegalArgumentException("a message needs content, an embed, a component or a file");
        }
    }

    /** Text only, no pings. */
    public static Reply text(String content) {
        return new Reply(content, List.of(), List.of(), null, false, List.of());
    }

    public static Reply embeds(Embed... embeds) {
        return new Reply(null, Arrays.asList(embeds), List.of(), null, false, List.of());
    }

    /** A components v2 message. */
    public static Reply layout(Component... components) {
        return new Reply(null, List.of(), Arrays.asList(components), null, false, List.of());
    }

    public Reply withEmbeds(Embed... more) {
        List<Embed> all = new ArrayList<>(embeds);
        all.addAll(Arrays.asList(more));
        return new Reply(content, all, components, mentions, ephemeral, files);
    }

    public Reply withComponents(Component... more) {
        List<Component> all = new ArrayList<>(components);
        all.addAll(Arrays.asList(more));
        return new Reply(content, embeds, all, mentions, ephemeral, files);
    }

    public Reply withMentions(AllowedMentions value) {
        return new Reply(content, embeds, components, value, ephemeral, files);
    }

    /** Only the invoker sees it (interactions; a prefix command's reply is public whatever this says). */
    public Reply asEphemeral() {
        return new Reply(content, embeds, components, mentions, true, files);
    }

    public Reply asPublic() {
        return new Reply(content, embeds, components, mentions, false, files);
    }

    /** Adds files (sent as multipart; refer to one as {@code attachment://name} in an embed or a file component). */
    public Reply withFiles(FileUpload... more) {
        List<FileUpload> all = new ArrayList<>(files);
        all.addAll(Arrays.asList(more));
        return new Reply(content, embeds, components, mentions, ephemeral, all);
    }

    public boolean componentsV2() {
        return components.stream().anyMatch(Component::needsV2);
    }

    /** The message body, with the ephemeral flag when {@code withEphemeral} (an edit cannot change it). */
    public ObjectNode toJson(boolean withEphemeral) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (content != null) {
            body.put("content", content);
        }
        if (!embeds.isEmpty()) {
            ArrayNode array = body.putArray("embeds");
            embeds.forEach(e -> array.add(e.toJson()));
        }
        if (!components.isEmpty()) {
            ArrayNode array = body.putArray("components");
            components.forEach(c -> array.add(c.toJson()));
        }
        body.set("allowed_mentions", mentions.toJson());
        int flags = (withEphemeral && ephemeral ? EPHEMERAL : 0) | (componentsV2() ? ComponentsV2.IS_COMPONENTS_V2 : 0);
        if (flags != 0) {
            body.put("flags", flags);
        }
        return body;
    }
}
