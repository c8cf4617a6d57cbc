package dev.hubcord.audio.player;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the calling thread's scheduling priority with libc's {@code setpriority}. On Linux the nice value belongs to
 * each thread, and {@code setpriority(PRIO_PROCESS, 0, n)} sets the calling thread's; elsewhere (macOS, BSD) the same
 * call would renice the whole process, so it is only made on Linux. Raising one's own niceness needs no privilege.
 * Java's thread priorities do nothing on Linux, which is why this goes to libc.
 */
final class ThreadNiceness {

    private static final Logger log = LoggerFactory.getLogger(ThreadNiceness.class);
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle SETPRIORITY = lookup();
    private static final AtomicBoolean warned = new AtomicBoolean();

    private ThreadNiceness() {}

    private static MethodHandle lookup() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority").map(f -> linker.downcallHandle(f,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT))).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            log.info("thread niceness unavailable ({}); decoding threads keep the default priority", e.toString());
            return null;
        }
    }

    /** Whether {@link #lowerCurrentThread} can work here (Linux with libc's setpriority reachable). */
    static boolean supported() {
        return SETPRIORITY != null;
    }

    /** Sets the calling thread's nice value to {@code nice} (0–19); false when not supported or refused. */
    static boolean lowerCurrentThread(int nice) {
        if (SETPRIORITY == null || nice <= 0) {
            return false;
        }
        try {
            int rc = (int) SETPRIORITY.invokeExact(PRIO_PROCESS, 0, Math.min(nice, 19));
            if (rc != 0 && warned.compareAndSet(false, true)) {
                log.warn("setpriority refused to lower a decoding thread to nice {}; they keep the default priority",
                        nice);
            }
            return rc == 0;
        } catch (Throwable e) {
            if (warned.compareAndSet(false, true)) {
                log.warn("setpriority failed; decoding threads keep the default priority", e);
            }
            return false;
        }
    }
}
