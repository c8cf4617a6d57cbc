package dev.hubcord.discordsim.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A bare voice client for tests: the voice gateway through {@link TestGatewayClient} (text frames only; DAVE's
 * binary frames are never read) and RTP in {@code aead_aes256_gcm_rtpsize} over UDP, built here with the JCA.
 */
public final class VoiceClient implements AutoCloseable {

    /** A voice channel of a guild that the bot may join. */
    public record Target(SimGuild guild, SimChannel channel) {}

    public final TestGatewayClient ws;
    private final DatagramChannel udp;
    private final InetSocketAddress server;
    private int ssrc;
    private byte[] key;
    private int sequence;
    private long timestamp;
    private int nonce;

    private VoiceClient(String endpoint, int udpPort) throws IOException {
        ws = TestGatewayClient.connectRaw("ws://" + endpoint + "/?v=8", TestGatewayClient.Compression.NONE);
        udp = DatagramChannel.open();
        udp.bind(new InetSocketAddress("127.0.0.1", 0));
        server = new InetSocketAddress("127.0.0.1", udpPort);
    }

    /** Every voice channel the bot can connect to (CONNECT, room under the user limit), over all guilds. */
    public static List<Target> joinable(DiscordSim sim) {
        long bot = sim.population().bot().id();
        List<Target> out = new ArrayList<>();
        for (SimGuild g : sim.population().guilds()) {
            SimMember me = g.member(bot).orElse(null);
            for (SimChannel c : g.snapshot().channels()) {
                if (me != null && c.isVoice()
                        && (Permissions.inChannel(g.snapshot(), me, c, System.currentTimeMillis())
                                & Permissions.CONNECT) != 0
                        && (c.userLimit() == 0 || g.voiceCount(c.id()) < c.userLimit())) {
                    out.add(new Target(g, c));
                }
            }
        }
        return out;
    }

    /** Connects and waits for Hello (op 8). */
    public static VoiceClient connect(String endpoint, int udpPort) throws IOException {
        VoiceClient c = new VoiceClient(endpoint, udpPort);
        c.ws.nextOp(8);
        return c;
    }

    /** Identify with DAVE version 1; returns Ready (op 2). */
    public JsonNode identify(long guildId, long userId, String sessionId, String token) {
        ws.send("{\"op\":0,\"d\":{\"server_id\":\"" + Long.toUnsignedString(guildId) + "\",\"user_id\":\""
                + Long.toUnsignedString(userId) + "\",\"session_id\":\"" + sessionId + "\",\"token\":\"" + token
                + "\",\"max_dave_protocol_version\":1}}");
        JsonNode ready = ws.nextOp(2);
        ssrc = ready.path("d").path("ssrc").asInt();
        return ready;
    }

    /** Select Protocol with AES-GCM; returns Session Description (op 4) and keeps its key. */
    public JsonNode selectAesGcm() {
        ws.send("{\"op\":1,\"d\":{\"protocol\":\"udp\",\"data\":{\"address\":\"127.0.0.1\",\"port\":"
                + ((InetSocketAddress) localAddress()).getPort() + ",\"mode\":\"aead_aes256_gcm_rtpsize\"}}}");
        JsonNode description = ws.nextOp(4);
        JsonNode secret = description.path("d").path("secret_key");
        key = new byte[secret.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) secret.get(i).asInt();
        }
        return description;
    }

    public void speaking() {
        ws.send("{\"op\":5,\"d\":{\"speaking\":1,\"delay\":0,\"ssrc\":" + ssrc + "}}");
    }

    public int ssrc() {
        return ssrc;
    }

    /** The next RTP packet in order (sequence +1, timestamp +960) carrying {@code opus}. */
    public void sendFrame(byte[] opus) throws IOException, GeneralSecurityException {
        send(opus, 0x78, 1);
    }

    /** A packet that skips {@code step - 1} sequence numbers, or has another payload type: a rule broken. */
    public void send(byte[] opus, int payloadType, int step) throws IOException, GeneralSecurityException {
        sequence = (sequence + step) & 0xffff;
        timestamp = (timestamp + 960L * step) & 0xffffffffL;
        ByteBuffer header = ByteBuffer.allocate(12);
        header.put((byte) 0x80).put((byte) payloadType).putShort((short) sequence).putInt((int) timestamp)
                .putInt(ssrc);
        byte[] iv = new byte[12];
        ByteBuffer.wrap(iv).putInt(++nonce);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(header.array());
        byte[] sealed = aes.doFinal(opus);
        ByteBuffer packet = ByteBuffer.allocate(12 + sealed.length + 4);
        packet.put(header.array()).put(sealed).putInt(nonce).flip();
        udp.send(packet, server);
    }

    private java.net.SocketAddress localAddress() {
        try {
            return udp.getLocalAddress();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        ws.close();
        udp.close();
    }
}
