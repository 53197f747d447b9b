package io.meterhub.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.Json;
import io.meterhub.model.SampleType;
import java.util.List;
import java.util.Set;

/** Small helpers the host pollsters share to build their measurements. */
public final class Meters {

    /** Nanoseconds per millisecond: OSHI counts CPU time in ms, Ceilometer in ns. */
    public static final long NS_PER_MS = 1_000_000L;

    /** Kibibytes per byte shift: Ceilometer's hardware.* memory and disk sizes are in KB. */
    static final int KB = 1024;

    private Meters() {}

    static ObjectNode metadata(String host) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("host", host);
        return m;
    }

    /** Adds a measurement when {@code wanted} names the meter. */
    public static void add(
            List<Measurement> out,
            Set<String> wanted,
            String name,
            SampleType type,
            String unit,
            Number volume,
            String resourceId,
            ObjectNode metadata) {
        if (wanted.contains(name)) {
            out.add(Measurement.of(name, type, unit, volume, resourceId, metadata));
        }
    }

    /** A percentage rounded to two decimals, as a float. */
    static double percent(double fraction) {
        return Math.round(fraction * 10_000.0) / 100.0;
    }

    /** A process's CPU time (user and kernel) in ns, as cumulative CPU meters count it. */
    public static long cpuNs(oshi.software.os.OSProcess process) {
        return (process.getUserTime() + process.getKernelTime()) * NS_PER_MS;
    }

    /** A process's resident memory in MB (MiB, as Ceilometer's MB), as memory gauges count it. */
    public static long residentMb(oshi.software.os.OSProcess process) {
        return process.getResidentMemory() / (1024 * 1024);
    }
}
