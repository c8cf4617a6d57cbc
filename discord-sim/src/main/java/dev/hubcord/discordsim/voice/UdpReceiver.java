package dev.hubcord.discordsim.voice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The UDP side on one thread: answers IP discovery, checks every RTP packet against Discord's layout and the
 * session's continuity, removes the transport encryption and hands the Opus frame on. Anything wrong becomes a
 * violation the test can read, never an exception.
 */
final class UdpReceiver implements Runnable {

    private static final int DISCOVERY_LENGTH = 74;

    private final DatagramChannel channel;
    private final VoiceServer server;

    UdpReceiver(DatagramChannel channel, VoiceServer server) {
        this.channel = channel;
        this.server = server;
    }

    @Override
    public void run() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        byte[] packet = new byte[4096];
        while (channel.isOpen()) {
            try {
                buf.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buf);
                buf.flip();
                int length = buf.remaining();
                buf.get(packet, 0, length);
                if (length == DISCOVERY_LENGTH && packet[0] == 0 && packet[1] == 1) {
                    discovery(packet, from);
                } else {
                    rtp(packet, length);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                server.violation("udp receive failed: " + e);
            }
        }
    }

    /**
     * Speaking travels over TCP and RTP over UDP, so a client that sent them in the right order can still see them
     * arrive the other way round, by more than a few milliseconds when the machine is busy (a loaded CI runner):
     * allow the WebSocket side a second to catch up. A client that never sends Speaking, or sends it long after its
     * audio, is still caught; the packets that wait meanwhile sit in the socket's receive buffer.
     */
    private static boolean awaitSpeaking(VoiceSession session) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!session.speaking && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        return session.speaking;
    }

    private void discovery(byte[] request, InetSocketAddress from) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(DISCOVERY_LENGTH);
        reply.putShort((short) 2).putShort((short) 70);
        reply.put(request, 4, 4); // ssrc
        byte[] address = from.getAddress().getHostAddress().getBytes(StandardCharsets.US_ASCII);
        reply.put(address);
        reply.position(72);
        reply.putShort((short) from.getPort());
        reply.flip();
        channel.send(reply, from);
    }

    private void rtp(byte[] p, int length) {
        server.countPacket();
        if (length < 12) {
            server.violation("packet of " + length + " bytes is neither discovery nor RTP");
            return;
        }
        int b0 = p[0] & 0xff;
        int b1 = p[1] & 0xff;
        int sequence = ((p[2] & 0xff) << 8) | (p[3] & 0xff);
        long timestamp = ByteBuffer.wrap(p, 4, 4).getInt() & 0xffffffffL;
        int ssrc = ByteBuffer.wrap(p, 8, 4).getInt();
        if ((b0 & 0xc0) != 0x80) {
            server.violation("RTP version byte 0x" + Integer.toHexString(b0));
            return;
        }
        if (b1 != 0x78) {
            server.violation("RTP payload type 0x" + Integer.toHexString(b1) + ", expected 0x78");
            return;
        }
        VoiceSession session = server.sessionForSsrc(ssrc);
        if (session == null) {
            server.violation("RTP from unknown ssrc " + ssrc);
            return;
        }
        if (!session.speaking && !awaitSpeaking(session)) {
            server.violation("RTP before Speaking from ssrc " + ssrc);
        }
        if (session.seenRtp) {
            if (sequence != ((session.lastSequence + 1) & 0xffff)) {
                server.violation("ssrc " + ssrc + ": sequence " + sequence + " after " + session.lastSequence);
            }
            if (timestamp != ((session.lastTimestamp + 960) & 0xffffffffL)) {
                server.violation("ssrc " + ssrc + ": timestamp " + timestamp + " after " + session.lastTimestamp);
            }
        }
        session.seenRtp = true;
        session.lastSequence = sequence;
        session.lastTimestamp = timestamp;
        TransportDecryptor decryptor = session.decryptor;
        if (decryptor == null) {
            server.violation("RTP before Select Protocol from ssrc " + ssrc);
            return;
        }
        int headerLength = 12 + 4 * (b0 & 0x0f) + ((b0 & 0x10) != 0 ? 4 : 0);
        try {
            byte[] opus = decryptor.decrypt(p, length, headerLength);
            server.deliver(new ReceivedFrame(session.guildId, ssrc, sequence, timestamp, opus, System.nanoTime()));
        } catch (GeneralSecurityException e) {
            server.violation("ssrc " + ssrc + ": transport decryption failed (" + decryptor.mode() + "): " + e);
        }
    }
}
