package dev.faultline.observe;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** Reads what Linux says about a process under {@code /proc}, and the size of a folder. Empty when it can't. */
final class ProcFiles {
    /** USER_HZ on every mainstream Linux architecture; used only when {@code getconf CLK_TCK} cannot be run. */
    private static final long USUAL_CLOCK_TICKS = 100;
    private static final int UTIME_AFTER_COMMAND = 11;
    private static final int STIME_AFTER_COMMAND = 12;

    private final Path proc;

    ProcFiles(Path proc) {
        this.proc = proc;
    }

    static ProcFiles system() {
        return new ProcFiles(Path.of("/proc"));
    }

    /** The clock ticks per second that {@code /proc/<pid>/stat} counts CPU time in. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0 && output.matches("[0-9]+")) {
                return Long.parseLong(output);
            }
        } catch (IOException e) {
            return USUAL_CLOCK_TICKS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return USUAL_CLOCK_TICKS;
    }

    /** User plus system CPU time of the process, in clock ticks (fields 14 and 15 of {@code /proc/<pid>/stat}). */
    OptionalLong cpuTicks(long pid) {
        try {
            String stat = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
            // the command (field 2) is in parentheses and may itself hold spaces and parentheses
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return OptionalLong.of(
                    Long.parseLong(after[UTIME_AFTER_COMMAND]) + Long.parseLong(after[STIME_AFTER_COMMAND]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Resident memory of the process in bytes ({@code VmRSS} of {@code /proc/<pid>/status}). */
    OptionalLong rssBytes(long pid) {
        try {
            List<String> lines = Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"));
            for (String line : lines) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring("VmRSS:".length()).trim().split(" +");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The total size of the regular files under {@code dir}; files that vanish while it counts are skipped. */
    static long folderBytes(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return total[0];
        }
        return total[0];
    }
}
