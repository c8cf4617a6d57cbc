package dev.hubcord.audio.player;

import static org.assertj.core.api.Assertions.assertThat;

import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;
import com.sedmelluq.discord.lavaplayer.track.DelegatedAudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.LocalAudioTrackExecutor;
import org.junit.jupiter.api.Test;

/** What follows the current track and where its fade starts. */
class TransitionTest {

    private static QueuedTrack track(long length, boolean stream, long startTime, long endTime) {
        AudioTrackInfo info = new AudioTrackInfo("t", "a", length, "id-" + length, stream, null);
        return new QueuedTrack(new DelegatedAudioTrack(info) {
            @Override
            public void process(LocalAudioTrackExecutor executor) {
            }
        }, "enc", startTime, endTime);
    }

    private static QueuedTrack track(long length) {
        return track(length, false, 0, 0);
    }

    @Test
    void theQueueHeadFollowsAndTheFadeEndsWithTheTrack() {
        QueuedTrack current = track(180_000);
        QueuedTrack head = track(200_000);
        Transition t = Transition.of(current, head, RepeatMode.OFF, 5000);
        assertThat(t.source()).isSameAs(head);
        assertThat(t.again()).isFalse();
        assertThat(t.fadeFrom()).isEqualTo(175_000);
        assertThat(t.fadeMs()).isEqualTo(5000);
        assertThat(Transition.of(current, head, RepeatMode.OFF, 0).fadeFrom()).as("gapless: the end").isEqualTo(180_000);
        assertThat(Transition.of(current, null, RepeatMode.OFF, 5000)).as("nothing follows").isNull();
    }

    @Test
    void repeatModesChooseTheCurrentTrackAgain() {
        QueuedTrack current = track(60_000);
        QueuedTrack head = track(90_000);
        assertThat(Transition.of(current, head, RepeatMode.TRACK, 0).source()).isSameAs(current);
        assertThat(Transition.of(current, head, RepeatMode.TRACK, 0).again()).isTrue();
        assertThat(Transition.of(current, head, RepeatMode.QUEUE, 0).source()).isSameAs(head);
        assertThat(Transition.of(current, null, RepeatMode.QUEUE, 0).source()).isSameAs(current);
        assertThat(Transition.of(current, null, RepeatMode.QUEUE, 0).again()).isTrue();
    }

    @Test
    void theFadeIsAtMostHalfTheShorterTrackAndEndTimesCount() {
        assertThat(Transition.of(track(4000), track(60_000), RepeatMode.OFF, 12_000).fadeMs()).isEqualTo(2000);
        assertThat(Transition.of(track(60_000), track(3000), RepeatMode.OFF, 12_000).fadeMs()).isEqualTo(1500);
        assertThat(Transition.of(track(60_000), track(60), RepeatMode.OFF, 12_000).fadeMs())
                .as("too short to fade: a gapless cut").isZero();
        // start and end times: the current track plays 10 s..20 s, the next 5 s..9 s
        Transition cut = Transition.of(track(60_000, false, 10_000, 20_000), track(60_000, false, 5000, 9000),
                RepeatMode.OFF, 3000);
        assertThat(cut.fadeMs()).isEqualTo(2000);
        assertThat(cut.fadeFrom()).isEqualTo(18_000);
    }

    @Test
    void streamsAreNotPrepared() {
        assertThat(Transition.of(track(Long.MAX_VALUE, true, 0, 0), track(60_000), RepeatMode.OFF, 0)).isNull();
        Transition toStream = Transition.of(track(60_000), track(Long.MAX_VALUE, true, 0, 0), RepeatMode.OFF, 4000);
        assertThat(toStream.fadeMs()).as("a stream after: fades by the current track alone").isEqualTo(4000);
    }
}
