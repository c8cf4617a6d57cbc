package dev.hubcord.discordsim.voice;

import dev.hubcord.discordsim.SimException;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.OptionalSslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * The voice server's two sockets on its host: the voice gateway's TCP port (one Netty event loop; {@code wss://}
 * and {@code ws://} on the same port, see {@link VoiceTls}) and the UDP socket with its receiving thread.
 */
final class VoiceSockets implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final VoiceTls tls;
    private Channel serverChannel;
    private DatagramChannel udp;
    private Thread udpThread;

    private VoiceSockets(VoiceTls tls) {
        this.tls = tls;
    }

    /** Binds both ephemeral ports on {@code host}; frames and packets go to {@code server}. */
    static VoiceSockets bind(String host, VoiceServer server) {
        VoiceSockets sockets = new VoiceSockets(VoiceTls.generate(host));
        try {
            sockets.bindPorts(host, server);
            return sockets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sockets.close();
            throw new SimException(SimException.Kind.STARTUP, "interrupted while binding", e);
        } catch (IOException | RuntimeException e) {
            sockets.close();
            throw new SimException(SimException.Kind.STARTUP, "cannot bind the voice server", e);
        }
    }

    private void bindPorts(String host, VoiceServer server) throws InterruptedException, IOException {
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/").checkStartsWith(true).handleCloseFrames(true).build();
        serverChannel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        // wss:// (libraries) and ws:// (hubcord's audio worker) on one port: a TLS ClientHello
                        // gets a TLS handler, anything else is served as plain HTTP
                        c.pipeline().addLast(new OptionalSslHandler(tls.serverContext()), new HttpServerCodec(),
                                new HttpObjectAggregator(1 << 16), new WebSocketServerProtocolHandler(ws),
                                new VoiceWsHandler(server));
                    }
                })
                .bind(host, 0).sync().channel();
        udp = DatagramChannel.open();
        udp.bind(new InetSocketAddress(host, 0));
        udp.socket().setReceiveBufferSize(4 << 20);
        udpThread = Thread.ofPlatform().daemon().name("voice-sim-udp").start(new UdpReceiver(udp, server));
    }

    VoiceTls tls() {
        return tls;
    }

    int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    int udpPort() {
        try {
            return ((InetSocketAddress) udp.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new SimException(SimException.Kind.INTERNAL, "udp socket closed", e);
        }
    }

    /** Closes the UDP socket first (its thread ends), then the listening port and the event loop. */
    void closeUdp() {
        try {
            if (udp != null) {
                udp.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closeUdp();
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        if (udpThread != null) {
            udpThread.interrupt();
        }
    }
}
