package dev.hubcord.audio.testing;

import com.sedmelluq.discord.lavaplayer.natives.opus.OpusEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ogg Opus files (RFC 7845) of a sine, encoded with lavaplayer's native Opus encoder, one 20 ms packet per page:
 * a source lavaplayer can pass through without decoding, whose packets the test knows byte for byte.
 */
public final class OggOpus {

    /** The file and the Opus packets in it, in order. */
    public record File(Path path, List<byte[]> packets) {}

    private static final int SERIAL = 0x4875_6200;

    private OggOpus() {}

    public static File sine(Path dir, double hz, double seconds) throws IOException {
        int frames = (int) (seconds * 50);
        List<byte[]> packets = new ArrayList<>();
        OpusEncoder encoder = new OpusEncoder(48_000, 2, 10);
        try {
            ShortBuffer pcm = ByteBuffer.allocateDirect(960 * 4).order(ByteOrder.nativeOrder()).asShortBuffer();
            ByteBuffer out = ByteBuffer.allocateDirect(4096);
            for (int f = 0; f < frames; f++) {
                pcm.clear();
                for (int i = 0; i < 960; i++) {
                    short s = (short) (Math.sin(2 * Math.PI * hz * (f * 960 + i) / 48_000) * 0.5 * Short.MAX_VALUE);
                    pcm.put(s).put(s);
                }
                pcm.flip();
                out.clear();
                int n = encoder.encode(pcm, 960, out);
                byte[] packet = new byte[n];
                out.get(packet, 0, n);
                packets.add(packet);
            }
        } finally {
            encoder.close();
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes()).put((byte) 1).put((byte) 2).putShort((short) 0).putInt(48_000)
                .putShort((short) 0).put((byte) 0);
        page(file, head.array(), 0, 0, 0x02);
        byte[] vendor = "hubcord-test".getBytes();
        ByteBuffer tags = ByteBuffer.allocate(16 + vendor.length).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes()).putInt(vendor.length).put(vendor).putInt(0);
        page(file, tags.array(), 0, 1, 0);
        for (int i = 0; i < packets.size(); i++) {
            page(file, packets.get(i), (i + 1) * 960L, i + 2, i == packets.size() - 1 ? 0x04 : 0);
        }
        Path path = dir.resolve("tone-" + (int) hz + ".opus");
        Files.write(path, file.toByteArray());
        return new File(path, packets);
    }

    /** One page holding one packet (under 255·255 bytes). */
    private static void page(ByteArrayOutputStream out, byte[] packet, long granule, int sequence, int flags) {
        int segments = packet.length / 255 + 1;
        ByteBuffer p = ByteBuffer.allocate(27 + segments + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        p.put("OggS".getBytes()).put((byte) 0).put((byte) flags).putLong(granule).putInt(SERIAL).putInt(sequence)
                .putInt(0).put((byte) segments);
        for (int i = 0; i < segments - 1; i++) {
            p.put((byte) 255);
        }
        p.put((byte) (packet.length % 255)).put(packet);
        byte[] bytes = p.array();
        int crc = crc(bytes);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, crc);
        out.writeBytes(bytes);
    }

    /** Ogg's CRC-32: polynomial 0x04C11DB7, initial 0, not reflected, no final XOR. */
    private static int crc(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 24;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000_0000) != 0 ? (crc << 1) ^ 0x04C1_1DB7 : crc << 1;
            }
        }
        return crc;
    }
}
