/**
 * Music commands that drive an audio worker through the hub (LOAD_TRACKS, PLAYER_JOIN, PLAYER_QUEUE, PLAYER_SKIP,
 * ...; the data shapes are in the module README and match the audio-worker module), and the
 * {@link dev.hubcord.commands.music.TrackAnnouncer} that posts TRACK_START, TRACK_END and TRACK_EXCEPTION in the
 * channel the music was started from.
 */
package dev.hubcord.commands.music;
