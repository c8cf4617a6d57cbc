package dev.hubcord.audio.filter;

/** Where a length-changing step puts its output blocks ({@code buf[channel][off, off+len)}). */
@FunctionalInterface
interface Sink {
    void accept(float[][] buf, int off, int len) throws InterruptedException;
}
