package dev.hubcord.audio.transport;

import dev.hubcord.audio.AudioException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One voice connection's UDP socket and RTP state. Packets are {@code 0x80 0x78 seq ts ssrc | sealed(frame) | tag |
 * nonce counter}, the 12-byte header being the AEAD's associated data. Sequence +1 and timestamp +960 per packet;
 * the nonce counter starts at a random value and travels big-endian in the last 4 bytes. {@link #send} is called by
 * the sender thread only; {@link #secure} publishes the cipher to it through a volatile field.
 */
public final class UdpTransport implements AutoCloseable {

    /** Opus silence: five of these are sent when playback pauses or stops. */
    public static final byte[] SILENCE = {(byte) 0xf8, (byte) 0xff, (byte) 0xfe};

    private static final int HEADER = 12;
    private static final int MAX_PACKET = 4096;

    private final DatagramChannel channel;
    private final int ssrc;
    private final byte[] header = new byte[HEADER];
    private final ByteBuffer packet = ByteBuffer.allocateDirect(MAX_PACKET);
    private final ByteBuffer plain = ByteBuffer.allocate(MAX_PACKET);
    private final ByteBuffer frame = ByteBuffer.allocate(MAX_PACKET);
    private volatile TransportCipher cipher;
    private volatile FrameTransform transform = FrameTransform.PASSTHROUGH;
    private byte[] nonce;
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private int timestamp = ThreadLocalRandom.current().nextInt();
    private int nonceCounter = 1 + ThreadLocalRandom.current().nextInt(513);

    private UdpTransport(DatagramChannel channel, int ssrc) {
        this.channel = channel;
        this.ssrc = ssrc;
    }

    /** Opens a socket connected to the voice server's UDP address from Ready. */
    public static UdpTransport open(InetSocketAddress server, int ssrc) {
        try {
            DatagramChannel ch = DatagramChannel.open();
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
            ch.connect(server);
            return new UdpTransport(ch, ssrc);
        } catch (IOException e) {
            throw new AudioException(AudioException.Kind.VOICE, "cannot open UDP to " + server, e);
        }
    }

    /** IP discovery (blocking; call from a virtual thread): our address as the voice server sees it. */
    public InetSocketAddress discover() {
        return IpDiscovery.discover(this, 5);
    }

    /** Installs the transport cipher from Session Description; from now on {@link #send} sends. */
    public void secure(TransportCipher newCipher) {
        this.cipher = newCipher;
    }

    /** Installs the end-to-end frame stage (DAVE); {@link FrameTransform#PASSTHROUGH} until then. */
    public void frameTransform(FrameTransform newTransform) {
        this.transform = newTransform;
    }

    public boolean isSecured() {
        return cipher != null;
    }

    public int ssrc() {
        return ssrc;
    }

    DatagramChannel channel() {
        return channel;
    }

    /**
     * Builds, seals and sends one packet. Silence bypasses the frame transform, as Discord's receivers pass
     * {@code F8 FF FE} through unchanged.
     *
     * @return whether a packet went out (not before {@link #secure}, not when the transform drops the frame)
     */
    public boolean send(byte[] opus, int offset, int length, boolean silence) {
        TransportCipher c = cipher;
        if (c == null) {
            return false;
        }
        if (nonce == null || nonce.length != c.mode().nonceLength()) {
            nonce = new byte[c.mode().nonceLength()];
        }
        frame.clear();
        frame.put(opus, offset, length).flip();
        plain.clear();
        if (silence) {
            plain.put(frame);
        } else if (!transform.transform(ssrc, frame, plain)) {
            return false;
        }
        plain.flip();
        header[0] = (byte) 0x80;
        header[1] = 0x78;
        header[2] = (byte) (sequence >>> 8);
        header[3] = (byte) sequence;
        putInt(header, 4, timestamp);
        putInt(header, 8, ssrc);
        putInt(nonce, 0, nonceCounter);
        packet.clear();
        packet.put(header);
        c.seal(header, nonce, plain, packet);
        packet.put(nonce, 0, 4);
        packet.flip();
        sequence = (sequence + 1) & 0xffff;
        timestamp += 960;
        nonceCounter++;
        try {
            channel.write(packet);
            return true;
        } catch (IOException e) {
            // UDP send errors (e.g. ICMP port unreachable reported on a connected socket) are transient
            return false;
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
