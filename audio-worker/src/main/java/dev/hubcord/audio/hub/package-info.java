/**
 * The worker's side of the hub protocol: {@link dev.hubcord.audio.hub.CommandHandler} turns PLAYER_* and
 * LOAD_TRACKS events into player calls on each guild's executor and VOICE_* events into voice connection updates;
 * {@link dev.hubcord.audio.hub.HubOutbox} sends track events, PLAYER_UPDATE (with the {@code player} snapshot) and
 * VOICE_CLOSED. A guild's PLAYER_JOIN stays unacknowledged while the worker plays the guild, so that the hub hands it
 * (marked redelivered) to the guild's next worker if this one's session ends; that worker then asks the commands side
 * for the last snapshot ({@link dev.hubcord.audio.hub.Recovery}).
 */
package dev.hubcord.audio.hub;
