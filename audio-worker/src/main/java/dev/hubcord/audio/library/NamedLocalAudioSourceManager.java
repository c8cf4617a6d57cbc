package dev.hubcord.audio.library;

import com.sedmelluq.discord.lavaplayer.container.MediaContainerDescriptor;
import com.sedmelluq.discord.lavaplayer.source.local.LocalAudioSourceManager;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackInfo;

/**
 * lavaplayer's {@code local} source (file paths, opt-in with {@code AUDIO_LOCAL_FILES}) whose tracks are named after
 * their file when the file has no title tag, and have an empty artist rather than "Unknown artist".
 */
public final class NamedLocalAudioSourceManager extends LocalAudioSourceManager {

    @Override
    protected AudioTrack createTrack(AudioTrackInfo trackInfo, MediaContainerDescriptor containerTrackFactory) {
        return super.createTrack(FileTitles.named(trackInfo), containerTrackFactory);
    }
}
