/**
 * DAVE protocol v1 (Discord's audio/video end-to-end encryption) for one voice connection, transport-independent:
 * {@link dev.hubcord.dave.DaveSession} maps one-to-one onto the voice gateway's DAVE opcodes (21-31) and returns what
 * must be sent back as {@link dev.hubcord.dave.DaveOutbound} values; {@link dev.hubcord.dave.FrameEncryptor} and
 * {@link dev.hubcord.dave.FrameDecryptor} transform Opus frames before transport encryption (and after transport
 * decryption). Nothing here touches sockets or threads, so the audio worker and the simulated voice server share it.
 */
package dev.hubcord.dave;
