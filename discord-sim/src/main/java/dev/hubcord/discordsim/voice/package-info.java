/**
 * A simulated Discord voice server: the voice gateway v8 over {@code wss://} (a CA and certificate made at start,
 * {@link dev.hubcord.discordsim.voice.VoiceTls}) and plain {@code ws://} on the same port (JSON text frames with
 * {@code seq}, heartbeats with {@code seq_ack}, identify, select protocol, session description, speaking, buffered
 * resume with op 7 / op 9, close codes on demand) and its UDP side (74-byte IP discovery, RTP in the
 * {@code aead_aes256_gcm_rtpsize} and {@code aead_xchacha20_poly1305_rtpsize} modes). Every RTP packet is checked
 * against Discord's layout (version byte, payload type 0x78, sequence +1, timestamp +960, Speaking sent first), its
 * transport encryption removed, and the Opus frame handed to the test. {@link dev.hubcord.discordsim.DiscordSim} runs
 * one and its op 4 sends bots there; tests that bring their own gateway start it alone and put
 * {@link dev.hubcord.discordsim.voice.VoiceServer#endpoint()} in their VOICE_SERVER_UPDATE.
 *
 * <p>DAVE: each guild's channel has a {@link dev.hubcord.discordsim.voice.DaveRoom} running the {@code dave} module's
 * delivery service (ops 21-31, binary frames {@code u16 seq | u8 op | payload} numbered with the JSON messages and
 * kept for resume) and hosting {@link dev.hubcord.discordsim.voice.SimulatedListener}s, in-process DAVE members that
 * decrypt the bot's frames. Version 1 is required by default (identify with {@code max_dave_protocol_version} 0 →
 * 4017); {@code VoiceServerConfig.withDaveProtocolVersion(0)} turns it off.
 */
package dev.hubcord.discordsim.voice;
