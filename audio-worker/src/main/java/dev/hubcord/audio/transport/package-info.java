/**
 * The voice UDP transport: IP discovery, RTP packets in Discord's rtpsize layout, and the two current transport
 * encryption modes ({@code aead_aes256_gcm_rtpsize} through the JCA, {@code aead_xchacha20_poly1305_rtpsize}
 * through Tink). One {@link dev.hubcord.audio.transport.UdpTransport} per voice connection; it is written only by the
 * sender thread, so it keeps preallocated buffers and no locks.
 */
package dev.hubcord.audio.transport;
