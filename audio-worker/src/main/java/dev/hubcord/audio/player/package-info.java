/**
 * Players and queues: one {@link dev.hubcord.audio.player.GuildPlayer} per guild wraps two lavaplayer 2.2.6 players
 * (the second prepares the next track, for gapless and crossfaded transitions: {@code PlayOrder}, {@code Handover}),
 * a queue with repeat modes, start and end times, and turns lavaplayer's events into Lavalink-shaped track events.
 * Every command and every lavaplayer event of a guild runs on that guild's {@link
 * dev.hubcord.audio.player.SerialExecutor}, so a guild's state needs no locks and its events stay in order; only the
 * frame calls come from the sender thread. {@link dev.hubcord.audio.player.PlayerSnapshot} is the saved state a
 * worker that takes the guild over resumes from.
 */
package dev.hubcord.audio.player;
