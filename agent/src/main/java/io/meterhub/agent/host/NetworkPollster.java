package io.meterhub.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.hardware.NetworkIF;

/**
 * Traffic of every network interface of the host, loopback included (resource {@code <host>.<interface>}, metadata
 * {@code name}, {@code mac}, {@code speed}, as Ceilometer's SNMP meters): cumulative
 * {@code hardware.network.incoming.bytes}, {@code hardware.network.outgoing.bytes} (B), and, named alike since
 * Ceilometer's SNMP set has no per-interface packet counts, {@code hardware.network.incoming.packets},
 * {@code hardware.network.outgoing.packets} (packet).
 */
public final class NetworkPollster extends HostPollster {

    static final String IN_BYTES = "hardware.network.incoming.bytes";
    static final String OUT_BYTES = "hardware.network.outgoing.bytes";
    static final String IN_PACKETS = "hardware.network.incoming.packets";
    static final String OUT_PACKETS = "hardware.network.outgoing.packets";

    public NetworkPollster() {
        super("host.network", IN_BYTES, OUT_BYTES, IN_PACKETS, OUT_PACKETS);
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        SampleType cumulative = SampleType.CUMULATIVE;
        for (NetworkIF nic : HostProbe.hardware().getNetworkIFs(true)) {
            ObjectNode meta = Meters.metadata(host);
            meta.put("name", nic.getName());
            meta.put("mac", nic.getMacaddr());
            meta.put("speed", nic.getSpeed());
            String resource = host + "." + nic.getName();
            Meters.add(out, wanted, IN_BYTES, cumulative, "B", nic.getBytesRecv(), resource, meta);
            Meters.add(out, wanted, OUT_BYTES, cumulative, "B", nic.getBytesSent(), resource, meta);
            Meters.add(out, wanted, IN_PACKETS, cumulative, "packet", nic.getPacketsRecv(), resource, meta);
            Meters.add(out, wanted, OUT_PACKETS, cumulative, "packet", nic.getPacketsSent(), resource, meta);
        }
        return out;
    }
}
