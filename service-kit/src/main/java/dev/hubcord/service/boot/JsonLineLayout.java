package dev.hubcord.service.boot;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line: {@code ts}, {@code level}, {@code service}, {@code logger}, {@code thread}, {@code
 * message}, then {@code session}, {@code guild} and {@code shard} when the SLF4J MDC holds them, and {@code error}
 * with the stack trace. Written by hand: a JSON library would be a dependency for six fields.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    /** The MDC keys copied into each line when set. */
    public static final List<String> MDC_KEYS = List.of("session", "guild", "shard");

    private final String service;

    public JsonLineLayout(String service) {
        this.service = service;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(256).append('{');
        field(out, "ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(out, "level", event.getLevel().toString());
        field(out, "service", service);
        field(out, "logger", event.getLoggerName());
        field(out, "thread", event.getThreadName());
        field(out, "message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        for (String key : MDC_KEYS) {
            String value = mdc == null ? null : mdc.get(key);
            if (value != null) {
                field(out, key, value);
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            field(out, "error", ThrowableProxyUtil.asString(error));
        }
        out.setLength(out.length() - 1);
        return out.append("}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":\"");
        escape(out, value == null ? "" : value);
        out.append("\",");
    }

    static void escape(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
