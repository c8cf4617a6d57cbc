package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One message the simulator created, as tests see it. IDs are snowflakes (0 = none).
 *
 * @param id the message ID
 * @param channelId where it was posted
 * @param guildId its guild (0 for none)
 * @param authorId the author (the bot for bot messages, interaction responses and follow-ups)
 * @param kind how it came to be
 * @param interactionId for interaction responses and follow-ups, the interaction; else 0
 * @param replyTo {@code message_reference.message_id}: the message it replies to, else 0
 * @param nonce the {@code nonce} it was created with (text form), or null
 * @param content its current content
 * @param flags its current flags ({@code 64} ephemeral, {@code 128} still loading after a deferral)
 * @param deleted whether it was deleted since
 * @param history earlier contents, oldest first (edits)
 * @param atMillis when it was created
 * @param components its current components (a copy, with the {@code id}s Discord assigns), {@code []} for none
 * @param attachments its current attachment objects (a copy: {@code id}, {@code filename}, {@code size}, {@code url},
 *     {@code content_type}...), {@code []} for none
 */
public record SentMessage(long id, long channelId, long guildId, long authorId, Kind kind, long interactionId,
        long replyTo, String nonce, String content, int flags, boolean deleted, List<String> history,
        long atMillis, JsonNode components, JsonNode attachments) {

    private static final int EPHEMERAL = 64;
    private static final int LOADING = 128;

    /** How a message came to be. */
    public enum Kind {
        /** A user's message from the control API. */
        USER,
        /** {@code POST /channels/{id}/messages}. */
        MESSAGE,
        /** An interaction callback of type 4, or type 5 (a deferred, "loading" response). */
        INTERACTION_RESPONSE,
        /** {@code POST /webhooks/{app}/{token}} after the interaction was acknowledged. */
        FOLLOW_UP
    }

    /** Only the invoker could see it (flag 64). */
    public boolean ephemeral() {
        return (flags & EPHEMERAL) != 0;
    }

    /** A deferred response not yet filled in. */
    public boolean loading() {
        return (flags & LOADING) != 0;
    }
}
