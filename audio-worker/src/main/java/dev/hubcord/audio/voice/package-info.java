/**
 * Discord voice, gateway v8: one {@link dev.hubcord.audio.voice.VoiceConnection} per guild, confined to one Netty
 * event loop, that waits for the session id (VOICE_STATE_UPDATE) and the token and endpoint (VOICE_SERVER_UPDATE),
 * then identifies, heartbeats with {@code seq_ack}, sets up UDP (IP discovery, select protocol, session description,
 * speaking) and handles every close code as Discord documents it: resume, rejoin through a fresh gateway op 4, or
 * give up and tell the hub. Opcodes go through an {@link dev.hubcord.audio.voice.OpcodeRegistry} that the DAVE
 * session ({@link dev.hubcord.audio.voice.DaveSession}; DAVE v1 by default through
 * {@link dev.hubcord.audio.e2ee.MlsDaveSession}) registers its JSON and binary handlers in.
 */
package dev.hubcord.audio.voice;
