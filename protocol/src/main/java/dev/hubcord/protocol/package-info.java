/**
 * The hub protocol v1 wire model: opcodes, close codes, service types, the event table and the
 * JSON envelope. It is pure data with no transport; {@code codec} turns it into bytes and
 * {@code client} speaks it over a WebSocket. The contract these types encode is {@code docs/protocol.md}.
 */
package dev.hubcord.protocol;
