package dev.hubcord.audio.filter;

import com.sedmelluq.discord.lavaplayer.filter.FloatPcmAudioFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * One track's filters as a single lavaplayer float PCM filter, in Lavalink's order: volume, equalizer, karaoke,
 * timescale, tremolo, vibrato, distortion, rotation, channel mix, low-pass. At the start of every block it picks up
 * the factory's current {@link Filters}; a filter still present keeps its stage (with its state) and only takes the
 * new settings, a new one gets a fresh stage, a removed one is dropped. So a change lands between two blocks of PCM,
 * without a gap. Runs on the track's decoding thread only.
 */
final class FilterPipeline implements FloatPcmAudioFilter {

    private final FilterFactory factory;
    private final FloatPcmAudioFilter next;
    private final int sampleRate;
    private final int channels;
    private Filters applied;
    private SimpleStages.Volume volume;
    private EqualizerStage equalizer;
    private KaraokeStage karaoke;
    private TimescaleStage timescale;
    private SimpleStages.Tremolo tremolo;
    private VibratoStage vibrato;
    private SimpleStages.Distortion distortion;
    private SimpleStages.Rotation rotation;
    private SimpleStages.ChannelMix channelMix;
    private SimpleStages.LowPass lowPass;
    private Stage[] before = new Stage[0];
    private Stage[] after = new Stage[0];

    FilterPipeline(FilterFactory factory, FloatPcmAudioFilter next, int sampleRate, int channels) {
        this.factory = factory;
        this.next = next;
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    @Override
    public void process(float[][] input, int offset, int length) throws InterruptedException {
        Filters now = factory.filters();
        if (now != applied) {
            configure(now);
        }
        for (Stage s : before) {
            s.process(input, offset, length);
        }
        if (timescale == null) {
            emit(input, offset, length);
        } else {
            timescale.process(input, offset, length, this::emit);
        }
    }

    private void emit(float[][] buf, int off, int len) throws InterruptedException {
        for (Stage s : after) {
            s.process(buf, off, len);
        }
        next.process(buf, off, len);
    }

    private void configure(Filters f) {
        applied = f;
        volume = f.volume() == null || f.volume() == 1.0 ? null
                : keep(volume, () -> new SimpleStages.Volume(1), v -> v.set(f.volume()));
        boolean eq = f.equalizer().stream().anyMatch(b -> b.gain() != 0) && sampleRate == 48_000;
        equalizer = !eq ? null : keep(equalizer, () -> new EqualizerStage(f.gains(), channels), e -> e.set(f.gains()));
        karaoke = f.karaoke() == null || !f.karaoke().active() ? null
                : keep(karaoke, () -> new KaraokeStage(f.karaoke(), sampleRate), k -> k.set(f.karaoke()));
        timescale = f.timescale() == null || !f.timescale().active() ? null
                : keep(timescale, () -> new TimescaleStage(f.timescale(), channels), t -> t.set(f.timescale()));
        tremolo = f.tremolo() == null ? null
                : keep(tremolo, () -> new SimpleStages.Tremolo(f.tremolo(), sampleRate), t -> t.set(f.tremolo()));
        vibrato = f.vibrato() == null ? null
                : keep(vibrato, () -> new VibratoStage(f.vibrato(), sampleRate), v -> v.set(f.vibrato()));
        distortion = f.distortion() == null || !f.distortion().active() ? null
                : keep(distortion, () -> new SimpleStages.Distortion(f.distortion()), d -> d.set(f.distortion()));
        rotation = f.rotation() == null || f.rotation().rotationHz() == 0 ? null
                : keep(rotation, () -> new SimpleStages.Rotation(0, sampleRate), r -> r.set(f.rotation().rotationHz()));
        channelMix = f.channelMix() == null || !f.channelMix().active() ? null
                : keep(channelMix, () -> new SimpleStages.ChannelMix(f.channelMix()), c -> c.set(f.channelMix()));
        lowPass = f.lowPass() == null || !f.lowPass().active() ? null
                : keep(lowPass, () -> new SimpleStages.LowPass(2), l -> l.set(f.lowPass().smoothing()));
        before = present(volume, equalizer, karaoke);
        after = present(tremolo, vibrato, distortion, rotation, channelMix, lowPass);
    }

    /** The existing stage (state kept) or a new one, with the new settings applied. */
    private static <T> T keep(T existing, java.util.function.Supplier<T> create, java.util.function.Consumer<T> set) {
        T stage = existing != null ? existing : create.get();
        set.accept(stage);
        return stage;
    }

    private static Stage[] present(Stage... stages) {
        List<Stage> out = new ArrayList<>();
        for (Stage s : stages) {
            if (s != null) {
                out.add(s);
            }
        }
        return out.toArray(Stage[]::new);
    }

    @Override
    public void seekPerformed(long requestedTime, long providedTime) {
        for (Stage s : before) {
            s.reset();
        }
        for (Stage s : after) {
            s.reset();
        }
        if (timescale != null) {
            timescale.reset();
        }
    }

    @Override
    public void flush() {
        // the stages hold at most a window's worth (~40 ms) of the track's end, which is let go
    }

    @Override
    public void close() {}
}
