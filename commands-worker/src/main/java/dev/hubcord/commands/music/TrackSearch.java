package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.AutocompleteContext;
import dev.hubcord.commands.api.AutocompleteHandler;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Autocomplete of {@code /play}'s query: the audio worker's music library ({@code LOAD_TRACKS libsearch:<words>},
 * local and fast; {@code search:} could go to SoundCloud on every keystroke). Discord drops suggestions after 3 s,
 * so the wait is bounded by {@link #WAIT}; past it, or on any failure, there are no suggestions (one log line) and
 * the user can still send what they typed. A URL or fewer than 2 characters gets none. Each choice shows the track
 * ("Title - Author (3:33)") and its value is "Title Author", the words {@code /play} then searches for.
 */
final class TrackSearch implements AutocompleteHandler {

    private static final Logger log = LoggerFactory.getLogger(TrackSearch.class);
    static final Duration WAIT = Duration.ofSeconds(2);
    /** Discord's limit for a choice's name and a string choice's value. */
    static final int MAX_CHOICE = 100;

    @Override
    public List<Choice> complete(AutocompleteContext ctx) throws InterruptedException {
        String words = ctx.focusedText().strip();
        if (words.length() < 2 || words.matches("(?i)https?://.*") || ctx.hubClient() == null) {
            return List.of();
        }
        ObjectNode load = Json.mapper().createObjectNode();
        if (ctx.guildId() != null) {
            load.put("guildID", ctx.guildId());
        }
        load.put("identifier", "libsearch:" + words);
        JsonNode result;
        try {
            result = ctx.hubClient().request("LOAD_TRACKS", load, WAIT).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.info("play autocomplete for {}: no suggestions ({})", ctx.guildId(),
                    e instanceof ExecutionException ? e.getCause() : e);
            return List.of();
        }
        return choices(result);
    }

    /** Up to 25 distinct choices from a LOAD_TRACKS answer (only a search or a single track has any). */
    static List<Choice> choices(JsonNode result) {
        List<JsonNode> tracks = new ArrayList<>();
        JsonNode data = result.path("data");
        switch (result.path("loadType").asText()) {
            case "search" -> data.forEach(tracks::add);
            case "track" -> tracks.add(data);
            default -> { }
        }
        Set<String> values = new LinkedHashSet<>();
        List<Choice> out = new ArrayList<>();
        for (JsonNode track : tracks) {
            TrackInfo info = TrackInfo.of(track);
            String value = cut((info.title() + " " + info.author()).strip());
            if (value.isEmpty() || !values.add(value) || out.size() == 25) {
                continue;
            }
            String name = info.title() + (info.author().isBlank() ? "" : " - " + info.author())
                    + (info.lengthMillis() > 0 ? " (" + TrackInfo.clock(info.lengthMillis()) + ")" : "");
            out.add(Choice.of(cut(name), value));
        }
        return out;
    }

    private static String cut(String s) {
        return s.length() <= MAX_CHOICE ? s : s.substring(0, MAX_CHOICE - 1) + "…";
    }
}
