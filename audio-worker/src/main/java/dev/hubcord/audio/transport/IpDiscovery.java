package dev.hubcord.audio.transport;

import dev.hubcord.audio.AudioException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Discord's 74-byte IP discovery: ask the voice server which address and port our UDP socket appears as. */
public final class IpDiscovery {

    static final int LENGTH = 74;

    private IpDiscovery() {}

    /** The request for {@code ssrc}: type 1, length 70, ssrc, then zeros. */
    static ByteBuffer request(int ssrc) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putShort((short) 1).putShort((short) 70).putInt(ssrc);
        b.position(LENGTH);
        return b.flip();
    }

    /**
     * Parses a response.
     *
     * @throws AudioException {@code VOICE} when it is not a type-2 response of 74 bytes
     */
    static InetSocketAddress parse(ByteBuffer response) {
        if (response.remaining() != LENGTH || response.getShort(0) != 2 || response.getShort(2) != 70) {
            throw new AudioException(AudioException.Kind.VOICE, "invalid IP discovery response of "
                    + response.remaining() + " bytes");
        }
        byte[] address = new byte[64];
        response.get(8, address);
        int end = 0;
        while (end < address.length && address[end] != 0) {
            end++;
        }
        int port = response.getShort(72) & 0xffff;
        return InetSocketAddress.createUnresolved(new String(address, 0, end, StandardCharsets.US_ASCII), port);
    }

    /** Sends the request and waits (blocking: call from a virtual thread) for the answer, retrying once per second. */
    static InetSocketAddress discover(UdpTransport udp, int attempts) {
        for (int i = 0; i < attempts; i++) {
            try {
                udp.channel().write(request(udp.ssrc()));
                ByteBuffer response = ByteBuffer.allocate(256);
                java.net.DatagramPacket packet = new java.net.DatagramPacket(response.array(), response.capacity());
                udp.channel().socket().setSoTimeout(1000);
                udp.channel().socket().receive(packet);
                response.limit(packet.getLength());
                return parse(response);
            } catch (SocketTimeoutException e) {
                // UDP may be lost: ask again
            } catch (IOException e) {
                throw new AudioException(AudioException.Kind.VOICE, "IP discovery failed", e);
            }
        }
        throw new AudioException(AudioException.Kind.VOICE, "no IP discovery answer after " + attempts + " attempts");
    }
}
