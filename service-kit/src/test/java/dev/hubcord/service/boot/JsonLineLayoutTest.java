package dev.hubcord.service.boot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLineLayoutTest {

    @Test
    void oneJsonObjectPerLineWithServiceAndMdcFields() {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.hubcord.X"), Level.WARN,
                "guild {} said \"hi\"\nbye", null, new Object[] {"42"});
        event.setTimeStamp(0);
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of("guild", "42", "shard", "3", "other", "no"));
        String line = new JsonLineLayout("hub").doLayout(event);
        assertThat(line).isEqualTo("{\"ts\":\"1970-01-01T00:00:00Z\",\"level\":\"WARN\",\"service\":\"hub\","
                + "\"logger\":\"dev.hubcord.X\",\"thread\":\"main\",\"message\":\"guild 42 said \\\"hi\\\"\\nbye\","
                + "\"guild\":\"42\",\"shard\":\"3\"}\n");
    }
}
