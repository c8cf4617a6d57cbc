package dev.hubcord.audio.library;

import com.sedmelluq.discord.lavaplayer.container.MediaContainerDetection;
import com.sedmelluq.discord.lavaplayer.container.MediaContainerDetectionResult;
import com.sedmelluq.discord.lavaplayer.container.MediaContainerHints;
import com.sedmelluq.discord.lavaplayer.container.MediaContainerRegistry;
import com.sedmelluq.discord.lavaplayer.source.local.LocalSeekableInputStream;
import com.sedmelluq.discord.lavaplayer.track.AudioReference;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks the library directory and indexes its music files: lavaplayer's probe (is it playable, how long, how to
 * decode it) and the tags. Files unchanged since the previous scan (same size and modification time) are taken over
 * without reading them again, so a rescan of a large library costs one directory walk. Symbolic links are not
 * followed, so nothing outside the directory is indexed.
 */
final class LibraryScanner {

    private static final Logger log = LoggerFactory.getLogger(LibraryScanner.class);

    /** Extensions of the formats lavaplayer decodes from a file. */
    static final Set<String> EXTENSIONS =
            Set.of("mp3", "flac", "ogg", "oga", "opus", "wav", "m4a", "mp4", "aac", "webm", "mka");

    /**
     * One scan's result.
     *
     * @param entries the indexed files, in the order found
     * @param capped whether files were left out because of the cap
     * @param unplayable files with a music extension that lavaplayer cannot decode
     */
    record Scan(List<LibraryEntry> entries, boolean capped, int unplayable) {}

    private final MediaContainerRegistry containers;

    LibraryScanner(MediaContainerRegistry containers) {
        this.containers = containers;
    }

    /**
     * Indexes up to {@code maxFiles} files under {@code root} (a real path), reusing {@code previous} entries of
     * unchanged files.
     */
    Scan scan(Path root, int maxFiles, Map<Path, LibraryEntry> previous) throws IOException {
        List<LibraryEntry> entries = new ArrayList<>();
        boolean[] capped = {false};
        int[] unplayable = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || !EXTENSIONS.contains(extension(file))) {
                    return FileVisitResult.CONTINUE;
                }
                if (entries.size() >= maxFiles) {
                    capped[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                long modified = attrs.lastModifiedTime().toMillis();
                LibraryEntry known = previous.get(file);
                LibraryEntry entry = known != null && known.size() == attrs.size() && known.modifiedMs() == modified
                        ? known : index(file, attrs.size(), modified);
                if (entry == null) {
                    unplayable[0]++;
                } else {
                    entries.add(entry);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                log.debug("library: cannot read {}: {}", file, e.toString());
                return FileVisitResult.CONTINUE;
            }
        });
        return new Scan(List.copyOf(entries), capped[0], unplayable[0]);
    }

    /** The entry for one file, or null when lavaplayer cannot play it. */
    LibraryEntry index(Path file, long size, long modifiedMs) {
        MediaContainerDetectionResult probe;
        try (LocalSeekableInputStream in = new LocalSeekableInputStream(file.toFile())) {
            probe = new MediaContainerDetection(containers, new AudioReference(file.toString(), null), in,
                    MediaContainerHints.from(null, extension(file))).detectContainer();
        } catch (IOException | RuntimeException e) {
            log.debug("library: cannot probe {}: {}", file, e.toString());
            return null;
        }
        if (probe == null || !probe.isSupportedFile()) {
            log.debug("library: {} is not playable: {}", file, probe == null ? "no probe" : probe.getUnsupportedReason());
            return null;
        }
        TagReader.Tags tags = TagReader.read(file);
        String title = FileTitles.firstKnown(tags.title(), probe.getTrackInfo().title);
        return new LibraryEntry(file, title.isEmpty() ? FileTitles.fromFileName(file) : title,
                FileTitles.firstKnown(tags.artist(), probe.getTrackInfo().author), tags.album(),
                probe.getTrackInfo().length, probe.getContainerDescriptor(), size, modifiedMs);
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
