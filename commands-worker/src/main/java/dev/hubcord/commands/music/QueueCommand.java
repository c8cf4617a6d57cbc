package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code queue}: the current track and the next ten. */
public final class QueueCommand extends PlayerCommand {

    public QueueCommand() {
        super("queue", "Shows the queue.", "PLAYER_QUEUE");
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        data.put("action", "list");
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        JsonNode player = Music.player(answer);
        StringBuilder out = new StringBuilder();
        JsonNode current = player.path("track");
        out.append(current.isObject() ? "Now: " + TrackInfo.of(current).display() : "Nothing is playing.");
        JsonNode queue = player.path("queue");
        if (queue.isEmpty()) {
            return out.append("\nThe queue is empty.").toString();
        }
        for (int i = 0; i < Math.min(10, queue.size()); i++) {
            out.append('\n').append(i + 1).append(". ").append(TrackInfo.of(queue.get(i)).display());
        }
        if (queue.size() > 10) {
            out.append("\n... and ").append(queue.size() - 10).append(" more.");
        }
        return out.toString();
    }
}
