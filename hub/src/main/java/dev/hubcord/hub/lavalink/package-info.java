/**
 * The Lavalink v4 API on the hub's port ({@code docs/lavalink.md}): the {@code /v4/websocket} sessions, the REST
 * endpoints, and the translation between a Lavalink client's player and the audio workers. The hub plays each
 * Lavalink player on an audio worker through the same guild events a commands worker sends (PLAYER_JOIN, PLAYER_PLAY
 * …), so a Lavalink player fails over like any other; the worker's track events for the guild go back to the Lavalink
 * session that owns it instead of to commands workers.
 */
package dev.hubcord.hub.lavalink;
