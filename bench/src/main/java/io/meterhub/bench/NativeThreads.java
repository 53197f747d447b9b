package io.meterhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process as Linux counts it ({@code /proc/self/task/<tid>/stat}), grouped by the
 * kind of work the JVM's own threads do: the JIT compilers ({@code C1/C2 CompilerThread#}), the garbage collector's
 * workers ({@code GC Thread#}) and the VM thread (safepoint operations, which run the collections' serial parts).
 * These are the threads {@link java.lang.management.ThreadMXBean} does not see. A thread that ends between two
 * readings is not counted (HotSpot stops idle compiler threads), so the figures are lower bounds. Empty where there
 * is no {@code /proc}.
 */
final class NativeThreads {

    static final String JIT = "JIT compiler";
    static final String GC = "GC and VM thread";

    private static final Path TASKS = Path.of("/proc/self/task");

    private NativeThreads() {}

    /** CPU ticks per thread id, with the thread's group. */
    static Map<Long, Reading> read() {
        Map<Long, Reading> out = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return out;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(task.resolve("stat")));
                    out.put(
                            Long.parseLong(task.getFileName().toString()),
                            new Reading(group(stat.comm()), stat.ticks()));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we listed: not counted
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Seconds per group spent between two readings, by the threads alive at the second one. */
    static Map<String, Double> between(Map<Long, Reading> before, Map<Long, Reading> after) {
        Map<String, Double> out = new HashMap<>();
        after.forEach((tid, r) -> {
            Reading b = before.get(tid);
            long ticks = r.ticks() - (b != null && b.group().equals(r.group()) ? b.ticks() : 0);
            out.merge(r.group(), ticks / ProcStat.TICKS_PER_SECOND, Double::sum);
        });
        return out;
    }

    static String group(String comm) {
        if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
            return JIT;
        }
        if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM Thread")) {
            return GC;
        }
        return "other";
    }

    record Reading(String group, long ticks) {}
}
