package io.meterhub.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.PollingContext;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;

/**
 * The host's CPU time and utilisation, as Ceilometer names the compute node's ({@code compute.node.cpu.*}, made from
 * nova's {@code compute.metrics.update}; resource {@code <host>_<nodename>}, here {@code <host>_<host>}): cumulative
 * user, kernel, idle and iowait time in ns, and the busy percentage since the previous poll. Per logical CPU
 * (resource {@code <host>_<host>-cpu<N>}, metadata {@code cpu_number}) the busy time in ns and the busy percentage,
 * named {@code compute.node.cpu.percpu.time} and {@code .percent} (meterhub's; Ceilometer has no per-CPU meter).
 * Load averages as Ceilometer's SNMP hardware meters: {@code hardware.cpu.load.1min/5min/15min} (unit process).
 */
public final class CpuPollster extends HostPollster {

    static final String USER = "compute.node.cpu.user.time";
    static final String KERNEL = "compute.node.cpu.kernel.time";
    static final String IDLE = "compute.node.cpu.idle.time";
    static final String IOWAIT = "compute.node.cpu.iowait.time";
    static final String PERCENT = "compute.node.cpu.percent";
    static final String PER_CPU_TIME = "compute.node.cpu.percpu.time";
    static final String PER_CPU_PERCENT = "compute.node.cpu.percpu.percent";
    static final String LOAD_1 = "hardware.cpu.load.1min";
    static final String LOAD_5 = "hardware.cpu.load.5min";
    static final String LOAD_15 = "hardware.cpu.load.15min";

    private CentralProcessor cpu;
    private long[] previous;
    private long[][] previousPerCpu;

    public CpuPollster() {
        super("host.cpu", USER, KERNEL, IDLE, IOWAIT, PERCENT, PER_CPU_TIME, PER_CPU_PERCENT, LOAD_1, LOAD_5, LOAD_15);
    }

    @Override
    public void start(PollingContext context) {
        super.start(context);
        cpu = HostProbe.hardware().getProcessor();
        previous = cpu.getSystemCpuLoadTicks();
        previousPerCpu = cpu.getProcessorCpuLoadTicks();
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        long[] ticks = cpu.getSystemCpuLoadTicks();
        String node = host + "_" + host;
        ObjectNode meta = Meters.metadata(host);
        meta.put("nodename", host);
        SampleType cumulative = SampleType.CUMULATIVE;
        Meters.add(out, wanted, USER, cumulative, "ns", ns(ticks, TickType.USER, TickType.NICE), node, meta);
        Meters.add(
                out,
                wanted,
                KERNEL,
                cumulative,
                "ns",
                ns(ticks, TickType.SYSTEM, TickType.IRQ, TickType.SOFTIRQ),
                node,
                meta);
        Meters.add(out, wanted, IDLE, cumulative, "ns", ns(ticks, TickType.IDLE), node, meta);
        Meters.add(out, wanted, IOWAIT, cumulative, "ns", ns(ticks, TickType.IOWAIT), node, meta);
        Meters.add(
                out,
                wanted,
                PERCENT,
                SampleType.GAUGE,
                "percent",
                Meters.percent(cpu.getSystemCpuLoadBetweenTicks(previous, ticks)),
                node,
                meta);
        previous = ticks;
        perCpu(out, wanted, node);
        load(out, wanted);
        return out;
    }

    private void perCpu(List<Measurement> out, Set<String> wanted, String node) {
        if (!wanted.contains(PER_CPU_TIME) && !wanted.contains(PER_CPU_PERCENT)) {
            return;
        }
        long[][] ticks = cpu.getProcessorCpuLoadTicks();
        double[] load = cpu.getProcessorCpuLoadBetweenTicks(previousPerCpu, ticks);
        for (int i = 0; i < ticks.length; i++) {
            ObjectNode meta = Meters.metadata(host);
            meta.put("cpu_number", i);
            String resource = node + "-cpu" + i;
            long busy = ns(ticks[i], TickType.values()) - ns(ticks[i], TickType.IDLE, TickType.IOWAIT);
            Meters.add(out, wanted, PER_CPU_TIME, SampleType.CUMULATIVE, "ns", busy, resource, meta);
            Meters.add(
                    out, wanted, PER_CPU_PERCENT, SampleType.GAUGE, "percent", Meters.percent(load[i]), resource, meta);
        }
        previousPerCpu = ticks;
    }

    private void load(List<Measurement> out, Set<String> wanted) {
        double[] avg = cpu.getSystemLoadAverage(3);
        String[] names = {LOAD_1, LOAD_5, LOAD_15};
        for (int i = 0; i < names.length; i++) {
            if (avg[i] >= 0) {
                Meters.add(out, wanted, names[i], SampleType.GAUGE, "process", avg[i], host, Meters.metadata(host));
            }
        }
    }

    private static long ns(long[] ticks, TickType... types) {
        long ms = 0;
        for (TickType t : types) {
            ms += ticks[t.getIndex()];
        }
        return ms * Meters.NS_PER_MS;
    }
}
