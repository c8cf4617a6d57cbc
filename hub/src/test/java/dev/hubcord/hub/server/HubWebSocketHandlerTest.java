package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.testing.TestHub;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket handler alone, in an EmbeddedChannel: HELLO, heartbeats, identify, and closes. */
class HubWebSocketHandlerTest {

    private final HubCore core = new HubCore(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", TestHub.SECRET)));

    @AfterEach
    void close() {
        core.close();
    }

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new HubWebSocketHandler(core));
    }

    private static String text(Object frame) {
        assertThat(frame).isInstanceOf(TextWebSocketFrame.class);
        TextWebSocketFrame f = (TextWebSocketFrame) frame;
        try {
            return f.text();
        } finally {
            f.release();
        }
    }

    @Test
    void sendsHelloAndAcksHeartbeats() {
        EmbeddedChannel ch = channel();
        ch.runPendingTasks();
        assertThat(text(ch.readOutbound())).isEqualTo("{\"op\":3,\"d\":{\"heartbeatInterval\":30000}}");
        ch.writeInbound(new TextWebSocketFrame("{\"op\":1,\"d\":{\"heapUsed\":5}}"));
        ch.runPendingTasks();
        assertThat(text(ch.readOutbound())).isEqualTo("{\"op\":4,\"d\":null}");
        ch.finishAndReleaseAll();
    }

    @Test
    void identifiesAndAnswersWithIdentified() {
        EmbeddedChannel ch = channel();
        ch.runPendingTasks();
        text(ch.readOutbound());
        ch.writeInbound(new TextWebSocketFrame("{\"op\":0,\"d\":{\"type\":\"commands\",\"secret\":\"" + TestHub.SECRET
                + "\",\"name\":\"w\"}}"));
        ch.runPendingTasks();
        String identified = text(ch.readOutbound());
        assertThat(identified).startsWith("{\"op\":2,\"t\":\"IDENTIFIED\",\"s\":1,\"d\":{\"session\":");
        assertThat(core.sessions().all()).hasSize(1);
        ch.finishAndReleaseAll();
    }

    @Test
    void closesWithTheProtocolCodeAndReason() {
        EmbeddedChannel ch = channel();
        ch.runPendingTasks();
        text(ch.readOutbound());
        ch.writeInbound(new TextWebSocketFrame("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":{}}"));
        ch.runPendingTasks();
        Object out = ch.readOutbound();
        assertThat(out).isInstanceOf(CloseWebSocketFrame.class);
        CloseWebSocketFrame close = (CloseWebSocketFrame) out;
        assertThat(close.statusCode()).isEqualTo(4000);
        assertThat(close.reasonText()).contains("not identified");
        close.release();
        // the socket stays open until the client answers, so what it still sends is read, not reset
        assertThat(ch.isOpen()).isTrue();
        ch.writeInbound(new TextWebSocketFrame("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":{}}"));
        ch.runPendingTasks();
        assertThat((Object) ch.readOutbound()).as("input after the close is ignored").isNull();
        ch.writeInbound(new CloseWebSocketFrame(4000, ""));
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void aClientThatNeverAnswersTheCloseIsClosedAfterTheLinger() {
        EmbeddedChannel ch = channel();
        ch.runPendingTasks();
        text(ch.readOutbound());
        ch.writeInbound(new TextWebSocketFrame("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":{}}"));
        ch.runPendingTasks();
        ((CloseWebSocketFrame) ch.readOutbound()).release();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2_001, java.util.concurrent.TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }
}
