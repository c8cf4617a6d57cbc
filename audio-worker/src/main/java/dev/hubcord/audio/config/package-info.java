/**
 * The worker's settings: every {@code AUDIO_*} / {@code HUB_*} key with its default, resolved from a properties
 * file, the environment and command-line flags (later layers win), as the hub's own config package does.
 */
package dev.hubcord.audio.config;
