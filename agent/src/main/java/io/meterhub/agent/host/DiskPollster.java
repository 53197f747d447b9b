package io.meterhub.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.hardware.HWDiskStore;

/**
 * Block-device I/O of the host, per device (resource {@code <host>.<device>}, metadata {@code device}, as
 * Ceilometer's SNMP hardware meters suffix the host with the device): cumulative {@code hardware.disk.read.bytes},
 * {@code hardware.disk.write.bytes} (B) and {@code hardware.disk.read.requests}, {@code hardware.disk.write.requests}
 * (request).
 */
public final class DiskPollster extends HostPollster {

    static final String READ_BYTES = "hardware.disk.read.bytes";
    static final String WRITE_BYTES = "hardware.disk.write.bytes";
    static final String READ_REQUESTS = "hardware.disk.read.requests";
    static final String WRITE_REQUESTS = "hardware.disk.write.requests";

    public DiskPollster() {
        super("host.disk", READ_BYTES, WRITE_BYTES, READ_REQUESTS, WRITE_REQUESTS);
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        SampleType cumulative = SampleType.CUMULATIVE;
        for (HWDiskStore disk : HostProbe.hardware().getDiskStores()) {
            String device = disk.getName().replaceFirst("^/dev/", "");
            String resource = host + "." + device;
            ObjectNode meta = Meters.metadata(host);
            meta.put("device", device);
            Meters.add(out, wanted, READ_BYTES, cumulative, "B", disk.getReadBytes(), resource, meta);
            Meters.add(out, wanted, WRITE_BYTES, cumulative, "B", disk.getWriteBytes(), resource, meta);
            Meters.add(out, wanted, READ_REQUESTS, cumulative, "request", disk.getReads(), resource, meta);
            Meters.add(out, wanted, WRITE_REQUESTS, cumulative, "request", disk.getWrites(), resource, meta);
        }
        return out;
    }
}
