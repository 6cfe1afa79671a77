package dev.faultline.run;

import dev.faultline.sample.LiveSecond;
import dev.faultline.sample.RunClock;
import dev.faultline.sample.SampleRecorder;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live progress of a run's load: elapsed and total time, the rate and p99 of the last whole second, errors so
 * far, and the faults active now. On a terminal one line is rewritten in place every second; otherwise (a CI log) a
 * plain line is printed every five seconds. Runs on its own daemon thread until closed.
 */
final class Progress implements AutoCloseable {
    static final long TERMINAL_PERIOD_MS = 1_000;
    static final long PLAIN_PERIOD_MS = 5_000;

    private final PrintWriter out;
    private final boolean terminal;
    private final RunClock clock;
    private final long totalMs;
    private final SampleRecorder recorder;
    private final Supplier<List<String>> activeFaults;
    private final Thread thread;
    private int lastWidth;

    private Progress(PrintWriter out, boolean terminal, RunClock clock, Duration total, SampleRecorder recorder,
            Supplier<List<String>> activeFaults) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.totalMs = total.toMillis();
        this.recorder = recorder;
        this.activeFaults = activeFaults;
        this.thread = new Thread(this::loop, "faultline-progress");
        thread.setDaemon(true);
    }

    /** Starts showing progress: in place when {@code terminal}, else as periodic plain lines. */
    static Progress start(PrintWriter out, boolean terminal, RunClock clock, Duration total, SampleRecorder recorder,
            Supplier<List<String>> activeFaults) {
        Progress progress = new Progress(out, terminal, clock, total, recorder, activeFaults);
        progress.thread.start();
        return progress;
    }

    /** Stops; on a terminal, ends the line being rewritten so what follows starts on its own line. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            if (terminal && lastWidth > 0) {
                out.print("\r" + " ".repeat(lastWidth) + "\r");
                out.flush();
            }
        }
    }

    /** One progress line, e.g. {@code progress  12s/30s  1998/s  p99 4.12ms  errors 3  faults: slow-store}. */
    static String format(long elapsedMs, long totalMs, LiveSecond last, List<String> faults) {
        return String.format(Locale.ROOT, "progress  %ds/%ds  %d/s  p99 %s  errors %d  faults: %s",
                elapsedMs / 1000, (totalMs + 999) / 1000, last.requests(), millis(last.p99Micros()),
                last.errorsSoFar(), faults.isEmpty() ? "none" : String.join(", ", faults));
    }

    private static String millis(long micros) {
        double ms = micros / 1000.0;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0fms", ms) : String.format(Locale.ROOT, "%.2fms", ms);
    }

    private void loop() {
        long period = terminal ? TERMINAL_PERIOD_MS : PLAIN_PERIOD_MS;
        long next = period;
        while (true) {
            long sleep = next - clock.millisNow();
            try {
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            } catch (InterruptedException e) {
                return;
            }
            long now = clock.millisNow();
            if (now >= totalMs + period) {
                return;
            }
            show(format(now, totalMs, recorder.liveSecond(now / 1000 - 1), activeFaults.get()));
            next = (now / period + 1) * period;
        }
    }

    private void show(String line) {
        synchronized (out) {
            if (terminal) {
                out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                lastWidth = line.length();
            } else {
                out.println(line);
            }
            out.flush();
        }
    }
}
