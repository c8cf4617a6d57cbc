package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET}/{@code PATCH}/{@code DELETE /webhooks/{app}/{token}/messages/{message_id}}: an interaction's follow-up
 * messages by ID, for as long as the token lives. The original response's own ID reaches it too, as on Discord (the
 * {@code @original} routes are the usual way). Another interaction's message, or one that is not a follow-up, is
 * 10008 Unknown Message.
 */
final class FollowUpRoutes {

    private final RestContext ctx;
    private final InteractionRoutes interactions;

    FollowUpRoutes(RestContext ctx, InteractionRoutes interactions) {
        this.ctx = ctx;
        this.interactions = interactions;
    }

    private record Target(Interactions.State state, ObjectNode message, boolean original, RestExchange.Response error) {}

    private Target target(Map<String, String> params) {
        Interactions.State state = interactions.webhookState(params);
        if (state == null) {
            return new Target(null, null, false, RestExchange.Response.error(404, 10015, "Unknown Webhook"));
        }
        long id = Rest.snowflake(params.get("message_id"));
        ObjectNode original = state.original();
        if (original != null && original.path("id").asText().equals(Long.toUnsignedString(id))) {
            return new Target(state, original, true, null);
        }
        Optional<ObjectNode> followUp = id == 0 ? Optional.empty() : ctx.messages().followUp(id, state.id());
        return followUp.map(m -> new Target(state, m, false, null))
                .orElseGet(() -> new Target(state, null, false,
                        RestExchange.Response.error(404, 10008, "Unknown Message")));
    }

    RestExchange.Response get(RestExchange.Request request, Map<String, String> params) {
        Target t = target(params);
        return t.error() != null ? t.error() : RestExchange.Response.json(200, t.message());
    }

    RestExchange.Response edit(RestExchange.Request request, Map<String, String> params) {
        Target t = target(params);
        if (t.error() != null) {
            return t.error();
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        RestExchange.Response invalid = ComponentValidation.check(body,
                t.message().path("flags").asInt(0) | body.path("flags").asInt(0));
        if (invalid != null) {
            return invalid;
        }
        JsonNode files = Uploads.edited(ctx, request, body, t.message().path("attachments"), t.state().channelId());
        if (t.original()) {
            return RestExchange.Response.json(200, interactions.edit(t.state(), t.message(), body, files));
        }
        ObjectNode edited = InteractionRoutes.edited(t.message(), body, files);
        interactions.published(t.state(), edited);
        return RestExchange.Response.json(200, edited);
    }

    RestExchange.Response delete(RestExchange.Request request, Map<String, String> params) {
        Target t = target(params);
        if (t.error() != null) {
            return t.error();
        }
        if (t.original()) {
            t.state().setOriginal(null);
        }
        interactions.removed(t.state(), t.message());
        return RestExchange.Response.noContent();
    }
}
