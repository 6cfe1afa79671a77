package dev.faultline.targets.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** POSIX signals Java cannot send itself (SIGSTOP, SIGCONT), sent with the system's {@code kill} command. */
final class Signals {
    private Signals() {
    }

    static void send(String signal, long pid) {
        Process kill;
        try {
            kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run 'kill' to send SIG" + signal + " to process " + pid
                    + ": " + e.getMessage(), e);
        }
        try {
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new IllegalStateException("'kill -" + signal + " " + pid + "' did not finish within 5 s");
            }
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.exitValue() != 0) {
                throw new IllegalStateException("'kill -" + signal + " " + pid + "' failed with status "
                        + kill.exitValue() + (output.isEmpty() ? "" : ": " + output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to process " + pid, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the output of 'kill -" + signal + " " + pid + "'", e);
        }
    }
}
