package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code play <query or URL>}: loads tracks (LOAD_TRACKS, {@code search:<query>} unless it is a URL), joins the invoker's voice
 * channel (PLAYER_JOIN) and queues them (PLAYER_QUEUE add; the audio worker starts the first when idle).
 */
public final class PlayCommand implements Command {

    static final Argument<String> QUERY = Argument.of("query", ArgumentTypes.TEXT).greedy()
            .describedAs("a search or a URL").autocomplete(new TrackSearch());

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("play").aliases("p").description("Plays a song or a playlist in your voice channel.")
                .botPermissions(Permission.CONNECT, Permission.SPEAK).cooldown(Duration.ofSeconds(2))
                .arguments(QUERY).build();
    }

    @Override
    public void execute(CommandContext ctx) throws Exception {
        String voice = Music.invokerVoiceChannel(ctx);
        String query = ctx.get(QUERY);
        ctx.defer(); // loading may take longer than Discord's 3 s
        ObjectNode load = Music.data(ctx);
        boolean url = query.matches("(?i)https?://\\S+");
        // search: is the audio worker's own search over the sources it has (AUDIO_SEARCH: its library, SoundCloud)
        load.put("identifier", url ? query : "search:" + query);
        JsonNode result = Music.request(ctx, "LOAD_TRACKS", load);
        List<JsonNode> tracks = tracks(result, query, !url);
        Music.rememberChannel(ctx);
        ObjectNode join = Music.data(ctx);
        join.put("channelID", voice);
        Music.request(ctx, "PLAYER_JOIN", join);
        ObjectNode queue = Music.data(ctx);
        queue.put("action", "add");
        ArrayNode list = queue.putArray("tracks");
        tracks.forEach(t -> list.add(t.path("encoded").asText()));
        Music.request(ctx, "PLAYER_QUEUE", queue);
        ctx.reply(tracks.size() == 1 ? "Queued " + TrackInfo.of(tracks.getFirst()).display() + "."
                : "Queued " + tracks.size() + " tracks from **" + result.path("data").path("info").path("name")
                        .asText("a playlist") + "**.");
    }

    /**
     * The tracks of a LOAD_TRACKS answer ({@code {loadType, data}}), or a user message for none. A failed search's
     * message is already a sentence for the user ({@code Nothing found for "..." (SoundCloud search failed: ...)}).
     */
    static List<JsonNode> tracks(JsonNode result, String query, boolean search) {
        JsonNode data = result.path("data");
        List<JsonNode> out = new ArrayList<>();
        switch (result.path("loadType").asText()) {
            case "track" -> out.add(data);
            case "search" -> {
                if (!data.isEmpty()) {
                    out.add(data.get(0));
                }
            }
            case "playlist" -> data.path("tracks").forEach(out::add);
            case "error" -> {
                String message = data.path("message").asText("error");
                throw new CommandException(search ? message : "Couldn't load that: " + message);
            }
            default -> { }
        }
        out.removeIf(t -> !t.path("encoded").isTextual());
        if (out.isEmpty()) {
            throw new CommandException("Nothing found for `" + query + "`.");
        }
        return out;
    }
}
