/**
 * The worker's side of the hub protocol: {@link dev.hubcord.audio.hub.CommandHandler} turns PLAYER_* and
 * LOAD_TRACKS events into player calls on each guild's executor and VOICE_* events into voice connection updates;
 * {@link dev.hubcord.audio.hub.HubOutbox} sends track events, PLAYER_UPDATE (with the {@code player} snapshot, which
 * the hub keeps for failover) and VOICE_CLOSED. A PLAYER_JOIN marked redelivered for a guild this worker does not play
 * is a takeover: {@link dev.hubcord.audio.hub.Recovery} asks the hub for the guild's last snapshot (PLAYER_RECOVER)
 * and restores it. On every new hub session the worker sends a snapshot of each guild it plays, its claim on them.
 */
package dev.hubcord.audio.hub;
