package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.population.Permissions;
import java.util.Map;

/**
 * One existing message: {@code GET}, {@code PATCH} (the bot's own messages: content, embeds, components; MESSAGE_UPDATE)
 * and {@code DELETE} (own messages, or others' with MANAGE_MESSAGES; MESSAGE_DELETE). Messages are those the simulator
 * recorded ({@link SentMessages}); ephemeral ones are invisible here, as they are to Discord's channel routes.
 */
final class MessageEditRoutes {

    private static final int MAX_CONTENT = 2000;

    private final RestContext ctx;
    private final Reactions reactions;

    MessageEditRoutes(RestContext ctx, Reactions reactions) {
        this.ctx = ctx;
        this.reactions = reactions;
    }

    /** A message of a channel the bot may read, or the error. */
    record Found(ChannelAccess access, ObjectNode message, RestExchange.Response error) {}

    static Found find(RestContext ctx, Map<String, String> params, long required) {
        ChannelAccess a = ChannelAccess.of(ctx, params.get("channel_id"), required);
        if (a.error() != null) {
            return new Found(a, null, a.error());
        }
        ObjectNode m = ctx.messages().message(Rest.snowflake(params.get("message_id")))
                .filter(x -> x.path("channel_id").asText().equals(Json.id(a.channel().id())))
                .filter(x -> (x.path("flags").asInt() & 64) == 0).orElse(null);
        return m == null ? new Found(a, null, RestExchange.Response.error(404, 10008, "Unknown Message"))
                : new Found(a, m, null);
    }

    RestExchange.Response get(RestExchange.Request request, Map<String, String> params) {
        Found f = find(ctx, params, Permissions.READ_MESSAGE_HISTORY);
        if (f.error() != null) {
            return f.error();
        }
        return RestExchange.Response.json(200, reactions.decorate(f.message(), ctx.population().bot().id()));
    }

    RestExchange.Response edit(RestExchange.Request request, Map<String, String> params) {
        Found f = find(ctx, params, 0);
        if (f.error() != null) {
            return f.error();
        }
        if (!f.message().path("author").path("id").asText().equals(Json.id(ctx.population().bot().id()))) {
            return RestExchange.Response.error(403, 50005, "Cannot edit a message authored by another user");
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        RestExchange.Response badComponents = ComponentValidation.check(body,
                f.message().path("flags").asInt(0) | body.path("flags").asInt(0));
        if (badComponents != null) {
            return badComponents;
        }
        ObjectNode edited = f.message().deepCopy();
        edited.put("flags", edited.path("flags").asInt(0)
                | (body.path("flags").asInt(0) & Components.IS_COMPONENTS_V2));
        if (body.has("content")) {
            String text = body.get("content").isNull() ? "" : body.get("content").asText();
            if (text.length() > MAX_CONTENT) {
                return RestExchange.Response.invalidForm("content", "BASE_TYPE_MAX_LENGTH",
                        "Must be 2000 or fewer in length.");
            }
            edited.put("content", text);
        }
        if (body.has("embeds")) {
            edited.set("embeds", MessagePayloads.embeds(body.get("embeds")));
        }
        if (body.has("components")) {
            edited.set("components", Components.withIds(body.get("components")));
        }
        var files = Uploads.edited(ctx, request, body, edited.path("attachments"), f.access().channel().id());
        if (files != null) {
            edited.set("attachments", files);
        }
        if (edited.path("content").asText().isEmpty() && edited.path("embeds").isEmpty()
                && edited.path("components").isEmpty() && edited.path("attachments").isEmpty()) {
            return RestExchange.Response.error(400, 50006, "Cannot send an empty message");
        }
        edited.put("edited_timestamp", Json.timestamp(System.currentTimeMillis()));
        ctx.messages().edited(edited);
        syncInteraction(edited, edited);
        ctx.gateway().dispatchToGuild(f.access().guild().id(), "MESSAGE_UPDATE", edited);
        return RestExchange.Response.json(200, reactions.decorate(edited, ctx.population().bot().id()));
    }

    /**
     * Keeps an interaction's {@code @original} in step when the bot edits or deletes that response through the channel
     * routes ({@code replacement} null: deleted), so the webhook routes see the same message.
     */
    private void syncInteraction(ObjectNode message, ObjectNode replacement) {
        long interactionId = Rest.snowflake(message.path("interaction_metadata").path("id").asText(""));
        ctx.interactions().byId(interactionId).ifPresent(s -> {
            ObjectNode original = s.original();
            if (original != null && original.path("id").asText().equals(message.path("id").asText())) {
                s.setOriginal(replacement);
            }
        });
    }

    RestExchange.Response delete(RestExchange.Request request, Map<String, String> params) {
        Found f = find(ctx, params, 0);
        if (f.error() != null) {
            return f.error();
        }
        boolean own = f.message().path("author").path("id").asText().equals(Json.id(ctx.population().bot().id()));
        if (!own && !f.access().has(Permissions.MANAGE_MESSAGES)) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        long id = Long.parseUnsignedLong(f.message().path("id").asText());
        ctx.messages().deleted(id);
        syncInteraction(f.message(), null);
        reactions.forget(id);
        ObjectNode d = Json.obj();
        d.put("id", Json.id(id));
        d.put("channel_id", Json.id(f.access().channel().id()));
        d.put("guild_id", Json.id(f.access().guild().id()));
        ctx.gateway().dispatchToGuild(f.access().guild().id(), "MESSAGE_DELETE", d);
        return RestExchange.Response.noContent();
    }
}
