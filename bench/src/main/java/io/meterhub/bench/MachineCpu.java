package io.meterhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the whole machine ({@code /proc/stat}: busy, idle and stolen ticks over all cores; a virtual machine's
 * "steal" is time its hypervisor gave to others while it wanted to run) and of the local RabbitMQ
 * (every {@code beam.smp} process, {@code /proc/<pid>/stat}), so a run shows whether its cores were saturated and how
 * much of them the broker took. Zero where there is no {@code /proc}, or RabbitMQ runs elsewhere or as another user
 * whose processes cannot be read.
 */
final class MachineCpu {

    private MachineCpu() {}

    record Reading(long busyTicks, long idleTicks, long stealTicks, long brokerTicks) {

        /** Seconds of CPU the machine spent busy, on all cores, between {@code before} and this reading. */
        double busySince(Reading before) {
            return (busyTicks - before.busyTicks) / ProcStat.TICKS_PER_SECOND;
        }

        double idleSince(Reading before) {
            return (idleTicks - before.idleTicks) / ProcStat.TICKS_PER_SECOND;
        }

        /** Seconds a hypervisor ran something else while this machine's cores wanted to run. */
        double stealSince(Reading before) {
            return (stealTicks - before.stealTicks) / ProcStat.TICKS_PER_SECOND;
        }

        double brokerSince(Reading before) {
            return Math.max(0, brokerTicks - before.brokerTicks) / ProcStat.TICKS_PER_SECOND;
        }
    }

    static Reading read() {
        long busy = 0;
        long idle = 0;
        long steal = 0;
        try {
            // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already in user
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long ticks = Long.parseLong(f[i]);
                if (i == 4 || i == 5) {
                    idle += ticks;
                } else if (i == 8) {
                    steal += ticks;
                } else {
                    busy += ticks;
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return new Reading(0, 0, 0, 0);
        }
        return new Reading(busy, idle, steal, brokerTicks());
    }

    private static long brokerTicks() {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    ProcStat stat = ProcStat.parse(Files.readString(p.resolve("stat")));
                    if (stat.comm().equals("beam.smp")) {
                        sum += stat.ticks();
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended while we listed, or not ours to read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }
}
