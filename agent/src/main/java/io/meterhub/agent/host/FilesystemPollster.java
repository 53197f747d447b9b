package io.meterhub.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import oshi.software.os.OSFileStore;

/**
 * Usage of the host's local file systems, as Ceilometer's SNMP {@code hardware.disk.size.total} and
 * {@code hardware.disk.size.used} (gauges in KB), one resource per mount point ({@code <host>.<mount>}, metadata
 * {@code path}, {@code device}, {@code type}).
 */
public final class FilesystemPollster extends HostPollster {

    static final String TOTAL = "hardware.disk.size.total";
    static final String USED = "hardware.disk.size.used";

    public FilesystemPollster() {
        super("host.filesystem", TOTAL, USED);
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        for (OSFileStore fs : HostProbe.os().getFileSystem().getFileStores(true)) {
            long total = fs.getTotalSpace();
            if (total <= 0) {
                continue; // pseudo file systems
            }
            ObjectNode meta = Meters.metadata(host);
            meta.put("path", fs.getMount());
            meta.put("device", fs.getVolume());
            meta.put("type", fs.getType());
            String resource = host + "." + fs.getMount();
            Meters.add(out, wanted, TOTAL, SampleType.GAUGE, "KB", total / Meters.KB, resource, meta);
            Meters.add(
                    out, wanted, USED, SampleType.GAUGE, "KB", (total - fs.getFreeSpace()) / Meters.KB, resource, meta);
        }
        return out;
    }
}
