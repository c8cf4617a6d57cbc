package dev.hubcord.service.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a {@code --config} properties file into a {@link Layer}; keys are setting names. */
public final class ConfigFile {

    private ConfigFile() {
    }

    /** @throws SettingException when the file cannot be read */
    public static Layer read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingException("config file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            values.put(key, properties.getProperty(key));
        }
        return new Layer("--config " + file, values);
    }
}
