/**
 * Lavalink v4's audio filters (volume, equalizer, karaoke, timescale, tremolo, vibrato, rotation, distortion, channel
 * mix, low-pass), written from their math as one lavaplayer float PCM filter per track ({@link
 * dev.hubcord.audio.filter.FilterPipeline}). The settings ({@link dev.hubcord.audio.filter.Filters}) are swapped
 * between two blocks of PCM while the filters' state (delay lines, LFO phases, biquad memories) is kept, so a change
 * is heard without a gap or a click; with no filter active, no factory is set and lavaplayer keeps passing Opus
 * sources through undecoded.
 */
package dev.hubcord.audio.filter;
