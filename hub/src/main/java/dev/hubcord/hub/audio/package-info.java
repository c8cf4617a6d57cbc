/**
 * The hub's part in audio failover. The audio worker that plays a guild is authoritative for its
 * player; the hub keeps the latest {@code player} snapshot of each guild from the events passing
 * through it ({@link dev.hubcord.hub.audio.PlayerStates}, bounded), answers PLAYER_RECOVER from it,
 * lets a worker claim the guilds it plays (after a hub restart the hub knows no owners), and when an
 * audio worker's session ends hands each of its guilds that was in a voice channel to another worker
 * as a PLAYER_JOIN marked {@code redelivered} ({@link dev.hubcord.hub.audio.AudioPlayers}).
 */
package dev.hubcord.hub.audio;
