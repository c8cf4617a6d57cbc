package dev.hubcord.audio.filter;

import com.sedmelluq.discord.lavaplayer.format.StandardAudioDataFormats;
import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sun.management.OperatingSystemMXBean;
import dev.hubcord.protocol.codec.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU per second of output for one player: decodes {@code seconds} of {@code file} to Opus as fast as it goes, once
 * without filters and once through each filters object given, and prints the process's CPU time per output second.
 * Each is run twice and the second run printed (the first warms the JIT). Unlike the capacity bench it measures CPU
 * time, not frame loss, so a busy machine slows it down without changing the figures much.
 *
 * <p>Usage: {@code FilterCost <audio file> <seconds> [filters JSON ...]}
 */
public final class FilterCost {

    private FilterCost() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String[] sets = new String[args.length - 1];
        sets[0] = "{}";
        System.arraycopy(args, 2, sets, 1, args.length - 2);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String json : sets) {
            Filters filters = FiltersJson.parse(Json.mapper().readTree(json));
            double ms = 0;
            for (int run = 0; run < 2; run++) {
                try (Playback p = new Playback(StandardAudioDataFormats.DISCORD_OPUS)) {
                    long before = os.getProcessCpuTime();
                    AudioPlayer player = p.start(file, filters);
                    for (int frames = 0; frames < seconds * 50; ) {
                        if (player.provide(1, TimeUnit.SECONDS) != null) {
                            frames++;
                        }
                    }
                    ms = (os.getProcessCpuTime() - before) / 1e6 / seconds;
                }
            }
            System.out.printf("%6.1f ms CPU per output second  %s%n", ms, json);
        }
        System.exit(0);
    }
}
