package dev.hubcord.discordsim.voice;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON message a voice client sent, as the server understood it, for tests to inspect.
 *
 * @param guildId the guild ({@code server_id}) of the connection, 0 before identify or resume
 * @param op the voice opcode
 * @param d the message data
 */
public record ClientMessage(long guildId, int op, JsonNode d) {}
