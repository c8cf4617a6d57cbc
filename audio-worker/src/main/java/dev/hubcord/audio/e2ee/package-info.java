/**
 * DAVE (Discord's audio end-to-end encryption) for the worker's voice connections: {@link
 * dev.hubcord.audio.e2ee.MlsDaveSession} adapts the {@code dave} library's session to the voice connection's {@link
 * dev.hubcord.audio.voice.DaveSession} hook (opcodes 11, 13, 21-31 in, 23/26/28/31 out) and {@link
 * dev.hubcord.audio.e2ee.DaveFrameTransform} puts each Opus frame through the DAVE frame encryptor before the
 * transport encryption.
 */
package dev.hubcord.audio.e2ee;
