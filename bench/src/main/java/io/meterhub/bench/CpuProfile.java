package io.meterhub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where the CPU went in this JVM between two points: process CPU time, the machine's load average (other work on the
 * same cores skews every figure), and CPU time per thread group (thread names with their numbers removed, so the
 * pool's threads add up). Threads that ended in between are not counted. The
 * JVM's own threads (JIT compilers, GC workers) are read from {@code /proc} ({@link NativeThreads}), and so are the
 * machine's busy and idle time and the local RabbitMQ's CPU ({@link MachineCpu}).
 */
public final class CpuProfile {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> startCpu = new HashMap<>();
    private long startProcessCpu;
    private long startNanos;
    private double startLoad;
    private long startGcMillis;
    private Map<Long, NativeThreads.Reading> startNative = Map.of();
    private MachineCpu.Reading startMachine;

    public void start() {
        startCpu.putAll(threadCpu());
        startProcessCpu = os.getProcessCpuTime();
        startNanos = System.nanoTime();
        startLoad = os.getSystemLoadAverage();
        startGcMillis = gcMillis();
        startNative = NativeThreads.read();
        startMachine = MachineCpu.read();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }

    /** One line: process CPU, load before/after, and the {@code top} thread groups by CPU seconds. */
    public String stop(int top) {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double process = (os.getProcessCpuTime() - startProcessCpu) / 1e9;
        Map<String, Double> groups = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            double seconds = (cpu - startCpu.getOrDefault(info.getThreadId(), 0L)) / 1e9;
            groups.merge(group(info.getThreadName()), seconds, Double::sum);
        }
        Map<String, Double> jvm = NativeThreads.between(startNative, NativeThreads.read());
        MachineCpu.Reading machine = MachineCpu.read();
        double inThreads =
                groups.values().stream().mapToDouble(Double::doubleValue).sum();
        StringJoiner busiest = new StringJoiner(", ");
        groups.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> busiest.add(String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())));
        return String.format(
                Locale.ROOT,
                "process %.1f s in %.1f s (%.2f of %d cores), load avg %.2f -> %.2f, GC pauses %.1f s;"
                        + " busiest threads (cpu s): %s; not in Java threads (JIT, GC) %.1f, of which JIT compiler"
                        + " threads %.1f, GC and VM thread %.1f; machine: busy %.1f s, idle %.1f s, stolen %.1f s of all cores,"
                        + " RabbitMQ (beam.smp) %.1f s",
                process,
                wall,
                process / wall,
                os.getAvailableProcessors(),
                startLoad,
                os.getSystemLoadAverage(),
                (gcMillis() - startGcMillis) / 1e3,
                busiest,
                Math.max(0, process - inThreads),
                jvm.getOrDefault(NativeThreads.JIT, 0.0),
                jvm.getOrDefault(NativeThreads.GC, 0.0),
                machine.busySince(startMachine),
                machine.idleSince(startMachine),
                machine.stealSince(startMachine),
                machine.brokerSince(startMachine));
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                cpu.put(id, t);
            }
        }
        return cpu;
    }

    /** "mongo-server-worker2" -> "mongo-server-worker#", "Camel (meterhub) thread #3 - x" -> "Camel (meterhub) thread # - x". */
    static String group(String name) {
        return name.replaceAll("\\d+", "#");
    }
}
