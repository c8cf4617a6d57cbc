package dev.hubcord.audio.config;

import java.util.Locale;

/** Every audio worker setting with its default and meaning. */
public enum Setting {
    HUB_URL("ws://127.0.0.1:3282/ws/v1", "the hub's WebSocket URL"),
    HUB_SECRET("", "the hub's shared secret (required)"),
    AUDIO_NAME("audio", "instance name shown in the hub's /v1/services"),
    AUDIO_SOURCES("http,soundcloud,bandcamp,vimeo,twitch,getyarn,nico",
            "comma-separated lavaplayer sources; 'local' also needs AUDIO_LOCAL_FILES"),
    AUDIO_LOCAL_FILES("false", "allow playing files from this machine's disk (source 'local')"),
    AUDIO_SEARCH("libsearch,scsearch", "search prefixes a 'search:' identifier tries in order; those whose source is"
            + " not set up are skipped"),
    AUDIO_LIBRARY_DIR("", "a directory of music files, indexed by their tags and searched with 'libsearch:' (off when empty)"),
    AUDIO_LIBRARY_MAX_FILES("10000", "at most this many library files are indexed (the rest are logged and left out)"),
    AUDIO_LIBRARY_RESCAN_S("300", "seconds between library rescans, which pick up added, changed and removed files; 0 = at start only"),
    AUDIO_VOICE_TLS("true", "connect to voice gateways with wss:// (false only for a local simulator)"),
    AUDIO_PLAYER_UPDATE_MS("5000", "most time between two PLAYER_UPDATE events of a guild while connected (500 or more)"),
    AUDIO_TRACK_STUCK_MS("10000", "no audio for this long raises TRACK_STUCK"),
    AUDIO_FRAME_BUFFER_MS("5000", "lavaplayer's per-player frame buffer"),
    AUDIO_OPUS_QUALITY("5", "Opus encoder complexity 0-10 (10: best quality, about 1.5x the CPU of 5)"),
    AUDIO_DECODE_NICE("5", "niceness 0-19 of the decoding threads on Linux, so the frame sender runs first; 0 = as is"),
    AUDIO_RECOVERY_TIMEOUT_MS("10000", "how long a guild taken over from a lost worker waits for its saved queue"),
    AUDIO_CROSSFADE_MS("0", "crossfade between queued tracks of a guild that set none, 0-12000 ms; 0 = a gapless cut");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** {@code AUDIO_VOICE_TLS} → {@code --voice-tls}, {@code HUB_URL} → {@code --hub-url}. */
    public String flag() {
        String n = name().startsWith("AUDIO_") ? name().substring(6) : name();
        return "--" + n.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
