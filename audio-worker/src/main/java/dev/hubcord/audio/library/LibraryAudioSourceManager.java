package dev.hubcord.audio.library;

import com.sedmelluq.discord.lavaplayer.container.MediaContainerRegistry;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayerManager;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioItem;
import com.sedmelluq.discord.lavaplayer.track.AudioReference;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import com.sedmelluq.discord.lavaplayer.track.BasicAudioPlaylist;
import dev.hubcord.audio.AudioException;
import dev.hubcord.audio.config.LibraryConfig;
import java.io.DataInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source {@code library}: the music files of one directory, indexed by their tags and searched with
 * {@code libsearch:<words>} (at most {@link #RESULTS} results, best first; see {@link LibraryIndex}). It answers
 * nothing else: a path is not an identifier here, so the library exposes only its own files, also when an encoded
 * track names another path (refused when decoded).
 *
 * <p>The first scan runs in the constructor, so a worker searches its library as soon as it is up; rescans run on
 * one daemon thread every {@link LibraryConfig#rescanSeconds()} and replace the index in one write.
 */
public final class LibraryAudioSourceManager extends LocalAudioSourceManager {

    /** The search prefix. */
    public static final String PREFIX = "libsearch:";
    /** Results of one search, as many as lavaplayer's SoundCloud search gives. */
    public static final int RESULTS = 20;

    private static final Logger log = LoggerFactory.getLogger(LibraryAudioSourceManager.class);

    private final Path root;
    private final int maxFiles;
    private final LibraryScanner scanner;
    private final ScheduledExecutorService rescans;
    private volatile LibraryIndex index = LibraryIndex.EMPTY;
    private boolean capped; // only touched by the scans, which never overlap

    /** @throws AudioException {@code CONFIG} when the directory does not exist */
    public LibraryAudioSourceManager(LibraryConfig config) {
        super(MediaContainerRegistry.DEFAULT_REGISTRY);
        try {
            this.root = config.dir().toRealPath();
        } catch (IOException e) {
            throw new AudioException(AudioException.Kind.CONFIG, "AUDIO_LIBRARY_DIR: no such directory " + config.dir());
        }
        if (!Files.isDirectory(root)) {
            throw new AudioException(AudioException.Kind.CONFIG, "AUDIO_LIBRARY_DIR: not a directory: " + root);
        }
        this.maxFiles = config.maxFiles();
        this.scanner = new LibraryScanner(containerRegistry);
        rescan();
        if (config.rescanSeconds() > 0) {
            rescans = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("library-scan").factory());
            rescans.scheduleWithFixedDelay(this::rescan, config.rescanSeconds(), config.rescanSeconds(),
                    TimeUnit.SECONDS);
        } else {
            rescans = null;
        }
    }

    @Override
    public String getSourceName() {
        return "library";
    }

    /** The current index. */
    public LibraryIndex index() {
        return index;
    }

    /** Scans the directory now and swaps the index; a failed scan keeps the previous index. */
    public synchronized void rescan() {
        long start = System.nanoTime();
        LibraryScanner.Scan scan;
        try {
            scan = scanner.scan(root, maxFiles, index.byPath());
        } catch (IOException | RuntimeException e) {
            log.warn("library: scan of {} failed, keeping {} files: {}", root, index.size(), e.toString());
            return;
        }
        boolean first = index == LibraryIndex.EMPTY;
        int before = index.size();
        index = new LibraryIndex(scan.entries());
        if (scan.capped() && !capped) {
            log.warn("library: indexed the first {} files of {} and left the rest out (AUDIO_LIBRARY_MAX_FILES)",
                    maxFiles, root);
        }
        capped = scan.capped();
        if (first || before != index.size()) {
            log.info("library: {} files indexed from {} in {} ms{}", index.size(), root,
                    (System.nanoTime() - start) / 1_000_000,
                    scan.unplayable() > 0 ? " (" + scan.unplayable() + " not playable, left out)" : "");
        }
    }

    @Override
    public AudioItem loadItem(AudioPlayerManager manager, AudioReference reference) {
        if (!reference.identifier.startsWith(PREFIX)) {
            return null;
        }
        String query = reference.identifier.substring(PREFIX.length()).strip();
        List<LibraryEntry> found = index.search(query, RESULTS);
        if (found.isEmpty()) {
            return AudioReference.NO_TRACK;
        }
        List<AudioTrack> tracks = found.stream()
                .<AudioTrack>map(e -> new LocalAudioTrack(e.info(), e.container(), this)).toList();
        return new BasicAudioPlaylist("Library results for: " + query, tracks, null, true);
    }

    /** Decodes only tracks of files inside the library (an encoded track could name any path). */
    @Override
    public AudioTrack decodeTrack(AudioTrackInfo trackInfo, DataInput input) throws IOException {
        Path file;
        try {
            file = Path.of(trackInfo.identifier).toRealPath();
        } catch (NoSuchFileException e) { // e.g. a queue taken over by a worker whose library lacks the file
            throw new IOException("no such file in the library: " + trackInfo.identifier, e);
        }
        if (!file.startsWith(root)) {
            throw new IOException("not a file of the library: " + trackInfo.identifier);
        }
        return super.decodeTrack(trackInfo, input);
    }

    @Override
    public void shutdown() {
        if (rescans != null) {
            rescans.shutdownNow();
        }
    }
}
