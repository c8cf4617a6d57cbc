package dev.hubcord.service.health;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.List;

/**
 * Binds the JVM and process meters (heap and non-heap memory, GC pauses, threads, CPU, open file descriptors, uptime)
 * to a registry. They live as long as the process, so the GC listener is never closed.
 */
public final class JvmMetrics {

    /**
     * Series every bound registry shows at once, by their Prometheus names: what dashboards may rely on. ({@code
     * jvm_gc_pause_seconds} appears after the first collection, so it is not listed.)
     */
    public static final List<String> NAMES = List.of(
            "jvm_memory_used_bytes", "jvm_memory_committed_bytes", "jvm_memory_max_bytes",
            "jvm_gc_memory_allocated_bytes_total", "jvm_gc_live_data_size_bytes", "jvm_gc_max_data_size_bytes",
            "jvm_threads_live_threads", "jvm_threads_daemon_threads", "jvm_threads_peak_threads",
            "jvm_threads_states_threads", "system_cpu_count", "system_cpu_usage", "process_cpu_usage",
            "process_files_open_files", "process_files_max_files", "process_uptime_seconds",
            "process_start_time_seconds");

    private JvmMetrics() {
    }

    @SuppressWarnings("resource")
    public static <R extends MeterRegistry> R bind(R registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }
}
