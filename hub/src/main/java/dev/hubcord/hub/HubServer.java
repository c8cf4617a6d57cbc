package dev.hubcord.hub;

import dev.hubcord.cache.CacheConfig;
import dev.hubcord.cache.CacheMetrics;
import dev.hubcord.cache.DiscordCache;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.core.DiscordCacheSink;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.rest.ApiRouter;
import dev.hubcord.hub.rest.RestHandler;
import dev.hubcord.hub.rest.discord.DiscordApi;
import dev.hubcord.hub.server.HubServerBootstrap;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.codec.Json;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running hub: the core plus the Netty server on its port. Start one with {@link #start}; close it
 * to say goodbye to every client with 1001 and release the port.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubServer.class);

    private final HubCore core;
    private final HubServerBootstrap bootstrap;
    private final Channel serverChannel;

    private HubServer(HubCore core, HubServerBootstrap bootstrap, Channel serverChannel) {
        this.core = core;
        this.bootstrap = bootstrap;
        this.serverChannel = serverChannel;
    }

    /**
     * Starts a hub with its Discord cache: op 5 payloads from sharders are stored in a
     * {@link DiscordCache} (bounded by {@code HUB_CACHE_MEMBER_BUDGET}), served under
     * {@code /v1/discord}, and its sizes published on {@code /metrics}.
     */
    public static HubServer start(HubConfig config) throws InterruptedException {
        return start(config, HubServer::discordCache);
    }

    private static RestHandler discordCache(HubCore core) {
        DiscordCache cache = new DiscordCache(
                CacheConfig.defaults().withMemberBudget(core.config().cacheMemberBudget()), Json.mapper());
        core.cacheSink(new DiscordCacheSink(cache));
        new CacheMetrics(cache).bindTo(core.metrics().registry());
        return new DiscordApi(cache);
    }

    /**
     * Starts a hub.
     *
     * @param discordApi builds the handler for {@code /v1/discord/...} from the core (it may also
     *     attach a cache sink to the core), or returns {@code null} when there is none
     */
    public static HubServer start(HubConfig config, Function<HubCore, RestHandler> discordApi) throws InterruptedException {
        HubCore core = new HubCore(config);
        RestHandler rest = new ApiRouter(core, discordApi.apply(core));
        HubServerBootstrap bootstrap;
        try {
            bootstrap = new HubServerBootstrap(core, rest);
        } catch (RuntimeException e) {
            core.close();
            throw e;
        }
        Channel channel;
        try {
            channel = bootstrap.bind(config.host(), config.port());
        } catch (RuntimeException | InterruptedException e) {
            bootstrap.shutdown();
            core.close();
            throw e;
        }
        HubServer server = new HubServer(core, bootstrap, channel);
        log.info("hub listening on {} over {} (WebSocket /ws/v1, REST /v1, /health, /metrics)", channel.localAddress(),
                bootstrap.transportName());
        return server;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The event loops' transport: {@code io_uring} or {@code nio}. */
    public String transportName() {
        return bootstrap.transportName();
    }

    public HubCore core() {
        return core;
    }

    /** Closes every client connection with 1001, stops accepting, and frees the event loops. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        bootstrap.closeAll(CloseCode.GOING_AWAY);
        bootstrap.shutdown();
        core.close();
        log.info("hub stopped");
    }
}
