package dev.rebound.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the processes of a scenario spent, read from the operating system before and after a
 * measurement: on a machine the load generator, broker and services share, calls/s alone does not
 * say which of them to make cheaper.
 */
final class CpuMeter {

    /** The processes measured, by the name shown in the report. */
    private final Map<String, ProcessHandle> processes = new LinkedHashMap<>();

    /** Measures this JVM (the load generator, and the broker when it runs here) under {@code name}. */
    CpuMeter(String name) {
        processes.put(name, ProcessHandle.current());
    }

    CpuMeter with(String name, ProcessHandle process) {
        processes.put(name, process);
        return this;
    }

    /** CPU nanoseconds per process so far; a process the OS does not report counts 0. */
    Map<String, Long> snapshot() {
        Map<String, Long> nanos = new LinkedHashMap<>();
        processes.forEach((name, process) -> nanos.put(name, process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)));
        return nanos;
    }

    /** Microseconds of CPU per call, per process, between two snapshots. */
    static Map<String, Double> microsPerCall(Map<String, Long> before, Map<String, Long> after, long calls) {
        Map<String, Double> perCall = new LinkedHashMap<>();
        before.forEach((name, start) -> perCall.put(name, calls == 0 ? 0 : (after.get(name) - start) / 1e3 / calls));
        return perCall;
    }
}
