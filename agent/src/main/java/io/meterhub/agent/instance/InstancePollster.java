package io.meterhub.agent.instance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.host.HostPollster;
import io.meterhub.agent.host.HostProbe;
import io.meterhub.agent.host.Meters;
import io.meterhub.agent.host.ProcIo;
import io.meterhub.agent.host.ProcessTable;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.Json;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import oshi.software.os.OSProcess;

/**
 * Ceilometer's compute meters for the QEMU/KVM guests of this node, found by their command line
 * ({@link QemuCommandLine}) rather than through libvirt, so a node whose libvirt the agent may not use is still
 * metered. Names, types, units and resource ids are the compute agent's:
 *
 * <ul>
 *   <li>{@code cpu} (cumulative, ns; metadata {@code cpu_number}): user and kernel time of the QEMU process, which is
 *       what libvirt's domain CPU time counts too (vCPU threads and QEMU's own);
 *   <li>{@code memory.usage} (gauge, MB): the QEMU process's resident memory — without the guest's balloon
 *       statistics this is the host's view of the guest's memory, not the guest's own;
 *   <li>{@code disk.device.read.bytes}, {@code disk.device.write.bytes} (cumulative, B; resource
 *       {@code <uuid>-<disk>}, metadata {@code disk_name}): from {@code /proc/<pid>/io}, which counts the process as
 *       a whole, so only for a guest with exactly one virtio disk, and only where that file may be read;
 *   <li>{@code network.incoming.bytes}, {@code network.outgoing.bytes} (cumulative, B) and {@code .packets}
 *       (packet): from the host's tap device of each guest NIC, found by MAC (libvirt gives the tap the guest's MAC
 *       with first byte {@code fe}); the tap's received traffic is the guest's outgoing; resource
 *       {@code <instance name>-<uuid>-<tap>}, metadata {@code name}, {@code mac}, {@code fref}, {@code parameters},
 *       {@code vnic_name}.
 * </ul>
 *
 * <p>Metadata as far as the command line tells: {@code display_name} and {@code name} (the domain name),
 * {@code instance_id}, {@code instance_host}, {@code vcpus}, {@code memory_mb}, {@code status} {@code active}. User
 * and project are not on the command line: they are null.
 */
public final class InstancePollster extends HostPollster {

    static final String CPU = "cpu";
    static final String MEMORY = "memory.usage";
    static final String DISK_READ = "disk.device.read.bytes";
    static final String DISK_WRITE = "disk.device.write.bytes";

    private final ProcessTable table = new ProcessTable();

    public InstancePollster() {
        super(
                "compute.instance",
                CPU,
                MEMORY,
                DISK_READ,
                DISK_WRITE,
                GuestNetwork.IN_BYTES,
                GuestNetwork.OUT_BYTES,
                GuestNetwork.IN_PACKETS,
                GuestNetwork.OUT_PACKETS);
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        List<ProcessTable.Entry> guests =
                table.matching(e -> QemuCommandLine.parse(e.argv()).isPresent());
        if (guests.isEmpty()) {
            return out;
        }
        Map<String, GuestNetwork.Tap> taps = GuestNetwork.wanted(wanted)
                ? GuestNetwork.hostInterfaces(HostProbe.hardware().getNetworkIFs(true))
                : Map.of();
        for (ProcessTable.Entry e : guests) {
            QemuCommandLine guest = QemuCommandLine.parse(e.argv()).orElseThrow();
            OSProcess process = HostProbe.os().getProcess(e.pid());
            if (process == null) {
                continue; // stopped meanwhile
            }
            ObjectNode meta = metadata(guest);
            ObjectNode cpuMeta = meta.deepCopy().put("cpu_number", guest.vcpus());
            Meters.add(out, wanted, CPU, SampleType.CUMULATIVE, "ns", Meters.cpuNs(process), guest.uuid(), cpuMeta);
            Meters.add(out, wanted, MEMORY, SampleType.GAUGE, "MB", Meters.residentMb(process), guest.uuid(), meta);
            disk(out, wanted, guest, e.pid(), meta);
            GuestNetwork.measure(out, wanted, guest, taps, meta);
        }
        return out;
    }

    private ObjectNode metadata(QemuCommandLine guest) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("display_name", guest.name());
        m.put("name", guest.name());
        m.put("instance_id", guest.uuid());
        m.put("instance_host", host);
        m.put("host", host);
        m.put("vcpus", guest.vcpus());
        m.put("memory_mb", guest.memoryMb());
        m.put("status", "active");
        return m;
    }

    private void disk(List<Measurement> out, Set<String> wanted, QemuCommandLine guest, int pid, ObjectNode meta) {
        if (guest.disks().size() != 1 || (!wanted.contains(DISK_READ) && !wanted.contains(DISK_WRITE))) {
            return;
        }
        ProcIo.of(pid).ifPresent(io -> {
            String disk = guest.disks().get(0);
            ObjectNode diskMeta = meta.deepCopy().put("disk_name", disk);
            String resource = guest.uuid() + "-" + disk;
            Meters.add(out, wanted, DISK_READ, SampleType.CUMULATIVE, "B", io.readBytes(), resource, diskMeta);
            Meters.add(out, wanted, DISK_WRITE, SampleType.CUMULATIVE, "B", io.writeBytes(), resource, diskMeta);
        });
    }
}
