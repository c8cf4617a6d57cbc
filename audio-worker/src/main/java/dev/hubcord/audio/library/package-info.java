/**
 * Music files on this machine: the library ({@link dev.hubcord.audio.library.LibraryAudioSourceManager}, a directory
 * indexed by its files' tags and searched with {@code libsearch:}) and the opt-in {@code local} source
 * ({@link dev.hubcord.audio.library.NamedLocalAudioSourceManager}). Both name a file without a title tag after the
 * file and leave an unknown artist empty, instead of lavaplayer's "Unknown title" and "Unknown artist".
 */
package dev.hubcord.audio.library;
