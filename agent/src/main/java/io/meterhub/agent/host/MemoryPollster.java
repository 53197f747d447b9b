package io.meterhub.agent.host;

import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.PollingContext;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.hardware.GlobalMemory;
import oshi.hardware.VirtualMemory;

/**
 * The host's memory and swap as Ceilometer's SNMP hardware meters named them (gauges in KB, resource the host):
 * {@code hardware.memory.total}, {@code hardware.memory.used} (total less what the kernel reports available),
 * {@code hardware.memory.swap.total}, {@code hardware.memory.swap.avail}.
 */
public final class MemoryPollster extends HostPollster {

    static final String TOTAL = "hardware.memory.total";
    static final String USED = "hardware.memory.used";
    static final String SWAP_TOTAL = "hardware.memory.swap.total";
    static final String SWAP_AVAIL = "hardware.memory.swap.avail";

    private GlobalMemory memory;

    public MemoryPollster() {
        super("host.memory", TOTAL, USED, SWAP_TOTAL, SWAP_AVAIL);
    }

    @Override
    public void start(PollingContext context) {
        super.start(context);
        memory = HostProbe.hardware().getMemory();
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        long total = memory.getTotal();
        long available = memory.getAvailable();
        VirtualMemory swap = memory.getVirtualMemory();
        SampleType gauge = SampleType.GAUGE;
        Meters.add(out, wanted, TOTAL, gauge, "KB", total / Meters.KB, host, Meters.metadata(host));
        Meters.add(out, wanted, USED, gauge, "KB", (total - available) / Meters.KB, host, Meters.metadata(host));
        Meters.add(out, wanted, SWAP_TOTAL, gauge, "KB", swap.getSwapTotal() / Meters.KB, host, Meters.metadata(host));
        Meters.add(
                out,
                wanted,
                SWAP_AVAIL,
                gauge,
                "KB",
                (swap.getSwapTotal() - swap.getSwapUsed()) / Meters.KB,
                host,
                Meters.metadata(host));
        return out;
    }
}
