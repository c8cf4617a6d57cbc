package dev.hubcord.commands.exec;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loader commands are found with: the worker's own, plus every {@code *.jar} directly in the plugins
 * directory (sorted by name, so the order is the same on every start). A missing or unreadable directory is a
 * start-up error: a worker that silently runs without the bot's commands would look healthy and answer nothing.
 */
public final class PluginLoader {

    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    public static ClassLoader withPlugins(ClassLoader parent, Path dir) {
        if (dir == null) {
            return parent;
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalArgumentException("COMMANDS_PLUGINS_DIR " + dir + " cannot be read: " + e, e);
        }
        log.info("plugins from {}: {}", dir, jars);
        return new URLClassLoader("plugins", jars.toArray(URL[]::new), parent);
    }
}
