package io.meterhub.agent.instance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.host.Meters;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.SampleType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import oshi.hardware.NetworkIF;

/**
 * A guest's network meters from the host's tap devices, as Ceilometer's compute agent names them: the tap of each
 * guest NIC is the host interface with the guest's MAC but first byte {@code fe} (libvirt's rule); what the tap
 * receives the guest sent, so the directions swap. Resource {@code <instance name>-<uuid>-<tap>}, metadata
 * {@code name}, {@code mac}, {@code fref} (null), {@code parameters} ({}), {@code vnic_name}.
 */
final class GuestNetwork {

    static final String IN_BYTES = "network.incoming.bytes";
    static final String OUT_BYTES = "network.outgoing.bytes";
    static final String IN_PACKETS = "network.incoming.packets";
    static final String OUT_PACKETS = "network.outgoing.packets";

    /** A host interface's counters, as the host sees them. */
    record Tap(String name, long bytesReceived, long bytesSent, long packetsReceived, long packetsSent) {}

    private GuestNetwork() {}

    /** The host's interfaces by lower-case MAC. */
    static Map<String, Tap> hostInterfaces(List<NetworkIF> nics) {
        return nics.stream()
                .collect(Collectors.toMap(
                        n -> n.getMacaddr().toLowerCase(Locale.ROOT),
                        n -> new Tap(
                                n.getName(),
                                n.getBytesRecv(),
                                n.getBytesSent(),
                                n.getPacketsRecv(),
                                n.getPacketsSent()),
                        (a, b) -> a));
    }

    /** The MAC libvirt gives the host side (tap) of a guest NIC: the guest's with first byte {@code fe}. */
    static String tapMac(String guestMac) {
        return "fe" + guestMac.substring(2);
    }

    /** Adds the network meters {@code wanted} of each NIC of {@code guest} whose tap is among {@code taps}. */
    static void measure(
            List<Measurement> out,
            Set<String> wanted,
            QemuCommandLine guest,
            Map<String, Tap> taps,
            ObjectNode instanceMetadata) {
        for (String mac : guest.macs()) {
            Tap tap = taps.get(tapMac(mac));
            if (tap == null) {
                continue;
            }
            ObjectNode meta = instanceMetadata.deepCopy();
            meta.put("name", tap.name());
            meta.put("mac", mac);
            meta.putNull("fref");
            meta.putObject("parameters");
            meta.put("vnic_name", tap.name());
            String resource = guest.name() + "-" + guest.uuid() + "-" + tap.name();
            SampleType c = SampleType.CUMULATIVE;
            Meters.add(out, wanted, IN_BYTES, c, "B", tap.bytesSent(), resource, meta);
            Meters.add(out, wanted, OUT_BYTES, c, "B", tap.bytesReceived(), resource, meta);
            Meters.add(out, wanted, IN_PACKETS, c, "packet", tap.packetsSent(), resource, meta);
            Meters.add(out, wanted, OUT_PACKETS, c, "packet", tap.packetsReceived(), resource, meta);
        }
    }

    /** Whether any network meter is wanted, so that the host's interfaces need reading. */
    static boolean wanted(Set<String> wanted) {
        return wanted.contains(IN_BYTES)
                || wanted.contains(OUT_BYTES)
                || wanted.contains(IN_PACKETS)
                || wanted.contains(OUT_PACKETS);
    }
}
