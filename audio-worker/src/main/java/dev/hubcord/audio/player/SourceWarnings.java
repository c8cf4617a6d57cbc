package dev.hubcord.audio.player;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Turns lavaplayer's warnings with a stack trace, from its sources and from its loader, into one line with the root
 * cause. An optional source that cannot reach its site (Twitch fetches its keys from twitch.tv when it is created,
 * so every start without network) otherwise prints a 36-line trace for what is one fact, and so does every failed
 * SoundCloud search offline; the source retries by itself when it is used, and a failed load is reported to whoever
 * asked (a source logs a repeated failure as an error: one line too). The loader's errors (lavaplayer's "fault"
 * severity: a bug rather than a network problem) keep their trace.
 */
final class SourceWarnings extends TurboFilter {

    private static final String SOURCES = "com.sedmelluq.discord.lavaplayer.source.";
    private static final String LOADER = "com.sedmelluq.discord.lavaplayer.player.DefaultAudioPlayerManager";
    private static final Logger log = LoggerFactory.getLogger(SourceWarnings.class);

    /** Installs the filter once, when logback is the logging backend. */
    static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof SourceWarnings)) {
            SourceWarnings filter = new SourceWarnings();
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
            Object[] params, Throwable t) {
        boolean source = logger.getName().startsWith(SOURCES) && level != null && level.isGreaterOrEqual(Level.WARN);
        boolean loader = logger.getName().equals(LOADER) && level == Level.WARN;
        if (!source && !loader) {
            return FilterReply.NEUTRAL;
        }
        Throwable error = t != null ? t : MessageFormatter.getThrowableCandidate(params);
        if (error == null) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName().substring(logger.getName().lastIndexOf('.') + 1);
        String message = MessageFormatter.basicArrayFormat(format, params);
        if (level == Level.ERROR) {
            log.error("{}: {} ({})", name, message, rootCause(error));
        } else {
            log.warn("{}: {} ({})", name, message, rootCause(error));
        }
        return FilterReply.DENY;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
