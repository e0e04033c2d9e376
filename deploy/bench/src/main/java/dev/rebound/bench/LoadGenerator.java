package dev.rebound.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Drives asynchronous calls and records their latencies in HdrHistogram. Closed loop: a fixed
 * number of calls in flight, each completion starting the next. Open loop: calls started on a
 * fixed schedule whatever the service does, latency counted from the scheduled start, so queueing
 * delay is not hidden (no coordinated omission).
 */
final class LoadGenerator {

    /** A call that reports its outcome once, from any thread. */
    interface AsyncCall {
        void start(Completion done);
    }

    interface Completion {
        void completed(boolean ok);
    }

    /** What one measured period gave. */
    record Measurement(double callsPerSecond, long calls, Histogram latencyMicros, long errors) {
    }

    private static final long MAX_OPEN_LOOP_IN_FLIGHT = 20_000;

    private LoadGenerator() {
    }

    static Measurement closedLoop(AsyncCall call, int inFlight, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch drained = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        for (int slot = 0; slot < inFlight; slot++) {
            issue(call, recorder, completed, errors, running, drained);
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        long elapsed = System.nanoTime() - start;
        long calls = completed.get();
        drained.await(30, TimeUnit.SECONDS);
        return new Measurement(calls * 1e9 / elapsed, calls, recorder.getIntervalHistogram(), errors.get());
    }

    private static void issue(AsyncCall call, Recorder recorder, AtomicLong completed, AtomicLong errors,
            AtomicBoolean running, CountDownLatch drained) {
        long started = System.nanoTime();
        call.start(ok -> {
            if (running.get()) {
                recorder.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
                completed.incrementAndGet();
                if (!ok) {
                    errors.incrementAndGet();
                }
                issue(call, recorder, completed, errors, running, drained);
            } else {
                drained.countDown();
            }
        });
    }

    static Measurement openLoop(AsyncCall call, double ratePerSecond, Duration duration) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore((int) MAX_OPEN_LOOP_IN_FLIGHT);
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long measuredUntil = end;
        for (long i = 0; ; i++) {
            long intended = start + i * intervalNanos;
            if (intended >= end) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet(); // the service fell so far behind that the generator gave up on this call
                continue;
            }
            call.start(ok -> {
                long now = System.nanoTime();
                if (now <= measuredUntil + Duration.ofSeconds(30).toNanos()) {
                    recorder.recordValue(Math.max(1, (now - intended) / 1_000));
                }
                completed.incrementAndGet();
                if (!ok) {
                    errors.incrementAndGet();
                }
                inFlight.release();
            });
        }
        long elapsed = System.nanoTime() - start;
        inFlight.tryAcquire((int) MAX_OPEN_LOOP_IN_FLIGHT, 30, TimeUnit.SECONDS);
        return new Measurement(completed.get() * 1e9 / Math.max(elapsed, System.nanoTime() - start), completed.get(),
                recorder.getIntervalHistogram(), errors.get());
    }
}
