package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.MessagePayloads;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /interactions/{id}/{token}/callback}: the 3 s deadline for the first answer, the 15 min token,
 * single acknowledgement (40060), the callback types each interaction type admits, and what each one does:
 * 4 posts a message, 5 a loading one (keeping the ephemeral flag the deferral gave), 6 acknowledges a component
 * (its message becomes {@code @original}), 7 edits the component's message, 8 records autocomplete choices, 9 records
 * the modal the user now sees. Type 12 (launch activity) is refused: the simulator has no activities.
 */
final class InteractionCallbacks {

    private static final int EPHEMERAL = 64;
    private static final int LOADING = 128;
    private static final Set<Integer> CALLBACK_TYPES = Set.of(1, 4, 5, 6, 7, 8, 9, 12);

    private final RestContext ctx;
    private final InteractionRoutes webhooks;

    InteractionCallbacks(RestContext ctx, InteractionRoutes webhooks) {
        this.ctx = ctx;
        this.webhooks = webhooks;
    }

    RestExchange.Response callback(RestExchange.Request request, Map<String, String> params) {
        Interactions.State state = ctx.interactions().byId(Rest.snowflake(params.get("interaction_id")))
                .filter(s -> s.token().equals(params.get("interaction_token"))).orElse(null);
        RestConfig config = ctx.config().get();
        if (state == null || state.ageMillis() > config.interactionTokenTtlMs()
                || (!state.acknowledged() && state.ageMillis() > config.interactionDeadlineMs())) {
            return RestExchange.Response.error(404, 10062, "Unknown interaction");
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        int type = body.path("type").asInt(-1);
        if (!CALLBACK_TYPES.contains(type)) {
            return RestExchange.Response.invalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of "
                    + CALLBACK_TYPES + ".");
        }
        String wrong = wrongType(state.kind(), type);
        if (wrong != null) {
            return RestExchange.Response.invalidForm("type", "INTERACTION_RESPONSE_TYPE_INVALID", wrong);
        }
        if (state.acknowledged()) {
            return RestExchange.Response.error(400, 40060, "Interaction has already been acknowledged.");
        }
        JsonNode data = body.path("data");
        RestExchange.Response invalid = validate(state, type, data, !request.files().isEmpty());
        if (invalid != null) {
            return invalid;
        }
        if (!state.acknowledge(type)) { // a concurrent callback won
            return RestExchange.Response.error(400, 40060, "Interaction has already been acknowledged.");
        }
        ObjectNode message = apply(state, type, data, request);
        if (!"true".equals(request.queryParam("with_response"))) {
            return RestExchange.Response.noContent();
        }
        ObjectNode r = Json.obj();
        ObjectNode i = r.putObject("interaction");
        i.put("id", Json.id(state.id()));
        i.put("type", state.kind().type());
        if (message != null) {
            i.put("response_message_id", message.path("id").asText());
            i.put("response_message_loading", type == 5);
            i.put("response_message_ephemeral", (message.path("flags").asInt() & EPHEMERAL) != 0);
            ObjectNode resource = r.putObject("resource");
            resource.put("type", type);
            resource.set("message", message);
        }
        return RestExchange.Response.json(200, r);
    }

    /**
     * Why a callback type does not fit the interaction, or null: PONG only answers PINGs (which the gateway never
     * delivers), 6 and 7 need a message with the component, 8 only answers autocomplete and is its only answer, a
     * modal cannot answer a modal submit.
     */
    private static String wrongType(Interactions.Kind kind, int type) {
        boolean autocomplete = kind.type() == 4;
        if (type == 12) {
            return "Activities are not supported by the simulator (LAUNCH_ACTIVITY).";
        }
        if (type == 1) {
            return "PONG only answers PING interactions.";
        }
        if (autocomplete != (type == 8)) {
            return autocomplete ? "Autocomplete interactions can only be answered with choices (type 8)."
                    : "Only autocomplete interactions can be answered with choices.";
        }
        if ((type == 6 || type == 7) && kind.messageId() == 0) {
            return "This response type is only valid for message component interactions.";
        }
        if (type == 9 && kind.type() == 5) {
            return "A modal submit interaction cannot be answered with a modal.";
        }
        return null;
    }

    private RestExchange.Response validate(Interactions.State state, int type, JsonNode data, boolean files) {
        if ((type == 6 || type == 7) && ctx.messages().message(state.kind().messageId()).isEmpty()) {
            return RestExchange.Response.error(404, 10008, "Unknown Message"); // the bot deleted it meanwhile
        }
        switch (type) {
            case 4, 7 -> {
                if (data.path("content").asText("").length() > 2000) {
                    return CommandValidation.invalid(List.of("data", "content"), null, "BASE_TYPE_MAX_LENGTH",
                            "Must be 2000 or fewer in length.");
                }
                int flags = data.path("flags").asInt(0) | (type == 7 ? current(state).path("flags").asInt(0) : 0);
                RestExchange.Response bad = ComponentValidation.check(data, flags);
                if (bad != null) {
                    return prefixed(bad);
                }
                if (type == 4 && MessagePayloads.Content.of(data).empty() && !files) {
                    return RestExchange.Response.error(400, 50006, "Cannot send an empty message");
                }
                return null;
            }
            case 8 -> {
                return choices(data.path("choices"));
            }
            case 9 -> {
                return ModalValidation.check(data);
            }
            default -> {
                return null;
            }
        }
    }

    /** Component errors come back under {@code data.}: the validator reports them from the message body's root. */
    private static RestExchange.Response prefixed(RestExchange.Response bad) {
        ObjectNode body = (ObjectNode) bad.body();
        ObjectNode errors = Json.obj();
        errors.set("data", body.get("errors"));
        body.set("errors", errors);
        return bad;
    }

    private static RestExchange.Response choices(JsonNode choices) {
        if (!choices.isArray()) {
            return CommandValidation.invalid(List.of("data", "choices"), null, "BASE_TYPE_REQUIRED",
                    "This field is required");
        }
        if (choices.size() > 25) {
            return CommandValidation.invalid(List.of("data", "choices"), null, "BASE_TYPE_MAX_LENGTH",
                    "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode c = choices.get(i);
            String name = c.path("name").asText("");
            if (!c.path("name").isTextual() || name.isEmpty() || name.length() > 100) {
                return CommandValidation.invalid(List.of("data", "choices", Integer.toString(i), "name"), null,
                        "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
            JsonNode v = c.path("value");
            if (!(v.isNumber() || (v.isTextual() && v.asText().length() <= 100))) {
                return CommandValidation.invalid(List.of("data", "choices", Integer.toString(i), "value"), null,
                        "BASE_TYPE_BAD_LENGTH", "Must be a string of 1 to 100 characters or a number.");
            }
        }
        return null;
    }

    private ObjectNode current(Interactions.State state) {
        return ctx.messages().message(state.kind().messageId()).orElse(Json.obj());
    }

    /** Carries out an accepted callback; returns the message it created or changed (null for none). */
    private ObjectNode apply(Interactions.State state, int type, JsonNode data, RestExchange.Request request) {
        switch (type) {
            case 4, 5 -> {
                MessagePayloads.Content content = type == 4 ? ComponentValidation.content(data)
                        .withAttachments(Uploads.created(ctx, request, data, state.channelId())) : new MessagePayloads.Content("", null, null, false, LOADING | (data.path("flags").asInt(0)
                                & EPHEMERAL));
                ObjectNode message = webhooks.respond(state, content, SentMessage.Kind.INTERACTION_RESPONSE);
                state.setOriginal(message);
                return message;
            }
            case 6 -> {
                state.setOriginal(current(state)); // @original of a component interaction: the component's message
                return null;
            }
            case 7 -> {
                ObjectNode message = current(state);
                state.setOriginal(message);
                return webhooks.edit(state, message, data,
                        Uploads.edited(ctx, request, data, message.path("attachments"), state.channelId()));
            }
            case 8 -> {
                state.setChoices(data.path("choices"));
                return null;
            }
            case 9 -> {
                ObjectNode modal = data.deepCopy();
                modal.set("components", Components.withIds(data.path("components")));
                state.setModal(modal);
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
