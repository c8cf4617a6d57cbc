package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.population.SimGuild;
import java.util.Map;

/**
 * Interaction responses after the callback ({@link InteractionCallbacks}): the follow-up webhook, getting, editing
 * and deleting {@code @original}; components are validated and numbered as on every message. None of these need
 * bot authorization; the token is the key. As Discord documents it, a follow-up sent while the deferred response is still loading edits that response
 * instead (its ephemeral flag is ignored: a message's visibility never changes), so the visibility of a deferred
 * answer is the one the deferral chose.
 */
final class InteractionRoutes {

    private static final int EPHEMERAL = 64;
    private static final int LOADING = 128;

    private final RestContext ctx;

    InteractionRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode respond(Interactions.State state, MessagePayloads.Content content, SentMessage.Kind kind) {
        SimGuild guild = ctx.population().requireGuild(state.guildId());
        boolean ephemeral = (content.flags() & EPHEMERAL) != 0;
        return ctx.postMessage(guild, state.channelId(), ctx.population().bot(), content, ctx.applicationId(),
                ephemeral, RestContext.Origin.interaction(kind, state.id()));
    }

    Interactions.State webhookState(Map<String, String> params) {
        if (Rest.snowflake(params.get("webhook_id")) != ctx.applicationId()) {
            return null;
        }
        return ctx.interactions().byToken(params.get("webhook_token"))
                .filter(s -> s.ageMillis() <= ctx.config().get().interactionTokenTtlMs()).orElse(null);
    }

    RestExchange.Response followUp(RestExchange.Request request, Map<String, String> params) {
        Interactions.State state = webhookState(params);
        if (state == null || !state.acknowledged()) {
            return RestExchange.Response.error(404, 10015, "Unknown Webhook");
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        RestExchange.Response invalid = ComponentValidation.check(body, body.path("flags").asInt(0));
        if (invalid != null) {
            return invalid;
        }
        MessagePayloads.Content content = ComponentValidation.content(body);
        if (content.empty() && request.files().isEmpty()) {
            return RestExchange.Response.error(400, 50006, "Cannot send an empty message");
        }
        ObjectNode original = state.original();
        if (original != null && (original.path("flags").asInt() & LOADING) != 0) {
            // Discord's compatibility rule
            return RestExchange.Response.json(200, edit(state, original, body, Uploads.edited(ctx, request, body,
                    original.path("attachments"), state.channelId())));
        }
        return RestExchange.Response.json(200, respond(state,
                content.withAttachments(Uploads.created(ctx, request, body, state.channelId())),
                SentMessage.Kind.FOLLOW_UP));
    }

    RestExchange.Response editOriginal(RestExchange.Request request, Map<String, String> params) {
        Interactions.State state = webhookState(params);
        if (state == null) {
            return RestExchange.Response.error(404, 10015, "Unknown Webhook");
        }
        ObjectNode original = state.original();
        if (original == null) {
            return RestExchange.Response.error(404, 10008, "Unknown Message");
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        RestExchange.Response invalid = ComponentValidation.check(body,
                original.path("flags").asInt(0) | body.path("flags").asInt(0));
        if (invalid != null) {
            return invalid;
        }
        return RestExchange.Response.json(200, edit(state, original, body,
                Uploads.edited(ctx, request, body, original.path("attachments"), state.channelId())));
    }

    /** {@code GET /webhooks/{app}/{token}/messages/@original}: the response message as it is now. */
    RestExchange.Response getOriginal(RestExchange.Request request, Map<String, String> params) {
        Interactions.State state = webhookState(params);
        if (state == null) {
            return RestExchange.Response.error(404, 10015, "Unknown Webhook");
        }
        ObjectNode original = state.original();
        return original == null ? RestExchange.Response.error(404, 10008, "Unknown Message")
                : RestExchange.Response.json(200, original);
    }

    /** {@code DELETE /webhooks/{app}/{token}/messages/@original}: 204, MESSAGE_DELETE unless it was ephemeral. */
    RestExchange.Response deleteOriginal(RestExchange.Request request, Map<String, String> params) {
        Interactions.State state = webhookState(params);
        if (state == null) {
            return RestExchange.Response.error(404, 10015, "Unknown Webhook");
        }
        ObjectNode original = state.original();
        if (original == null) {
            return RestExchange.Response.error(404, 10008, "Unknown Message");
        }
        state.setOriginal(null);
        removed(state, original);
        return RestExchange.Response.noContent();
    }

    /** Applies an edit ({@code files}: the attachments after it, null = unchanged) and publishes it. */
    ObjectNode edit(Interactions.State state, ObjectNode original, JsonNode body, JsonNode files) {
        ObjectNode edited = edited(original, body, files);
        state.setOriginal(edited);
        published(state, edited);
        return edited;
    }

    /** A copy of a response or follow-up with an edit's fields applied. */
    static ObjectNode edited(ObjectNode message, JsonNode body, JsonNode files) {
        ObjectNode edited = message.deepCopy();
        if (files != null) {
            edited.set("attachments", files);
        }
        if (body.has("content")) {
            edited.put("content", body.path("content").asText(""));
        }
        if (body.has("embeds")) {
            edited.set("embeds", MessagePayloads.embeds(body.get("embeds")));
        }
        if (body.has("components")) {
            edited.set("components", Components.withIds(body.get("components")));
        }
        // IS_COMPONENTS_V2 can be set by an edit (never removed); other flags stay as the message had them
        int flags = edited.path("flags").asInt() | (body.path("flags").asInt(0) & Components.IS_COMPONENTS_V2);
        edited.put("flags", flags & ~LOADING);
        edited.put("edited_timestamp", Json.timestamp(System.currentTimeMillis()));
        return edited;
    }

    /** Records an edited interaction message and dispatches MESSAGE_UPDATE unless only the invoker sees it. */
    void published(Interactions.State state, ObjectNode edited) {
        ctx.messages().edited(edited);
        if ((edited.path("flags").asInt() & EPHEMERAL) == 0) {
            ctx.gateway().dispatchToGuild(state.guildId(), "MESSAGE_UPDATE", edited);
        }
    }

    /** Records a deleted interaction message and dispatches MESSAGE_DELETE unless only the invoker saw it. */
    void removed(Interactions.State state, ObjectNode message) {
        ctx.messages().deleted(Long.parseUnsignedLong(message.path("id").asText()));
        if ((message.path("flags").asInt() & EPHEMERAL) == 0) {
            ObjectNode d = Json.obj();
            d.put("id", message.path("id").asText());
            d.put("channel_id", message.path("channel_id").asText());
            d.put("guild_id", Json.id(state.guildId()));
            ctx.gateway().dispatchToGuild(state.guildId(), "MESSAGE_DELETE", d);
        }
    }
}
