package io.meterhub.agent.instance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.Json;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tap matching and direction swap, on counters given by the test: creating a tap device would change the shared
 * machine's network. {@code InstancePollsterIT} runs the same code against the host's real interface list.
 */
class GuestNetworkTest {

    private final QemuCommandLine guest = QemuCommandLine.parse(List.of(
                    "qemu-system-x86_64",
                    "-name",
                    "guest=instance-0000002a",
                    "-uuid",
                    "c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c",
                    "-device",
                    "virtio-net-pci,netdev=hostnet0,id=net0,mac=fa:16:3e:12:34:56",
                    "-device",
                    "virtio-net-pci,netdev=hostnet1,id=net1,mac=fa:16:3e:00:00:99"))
            .orElseThrow();

    @Test
    void metersEachNicWhoseTapIsFoundFromTheGuestsPointOfView() {
        Map<String, GuestNetwork.Tap> host = Map.of(
                "fe:16:3e:12:34:56", new GuestNetwork.Tap("tap1b2c3d4e-5f", 1000, 5000, 10, 50),
                "52:54:00:aa:bb:cc", new GuestNetwork.Tap("eth0", 1, 2, 3, 4));
        List<Measurement> out = new ArrayList<>();

        GuestNetwork.measure(
                out,
                Set.of(
                        GuestNetwork.IN_BYTES,
                        GuestNetwork.OUT_BYTES,
                        GuestNetwork.IN_PACKETS,
                        GuestNetwork.OUT_PACKETS),
                guest,
                host,
                Json.mapper().createObjectNode().put("instance_id", guest.uuid()));

        Map<String, Measurement> byName =
                out.stream().collect(Collectors.toMap(Measurement::name, Function.identity()));
        assertThat(byName).hasSize(4); // the second NIC has no tap on this host
        assertThat(byName.get("network.incoming.bytes").volume()).isEqualTo(5000L); // what the tap sent
        assertThat(byName.get("network.outgoing.bytes").volume()).isEqualTo(1000L);
        assertThat(byName.get("network.incoming.packets").volume()).isEqualTo(50L);
        assertThat(byName.get("network.outgoing.packets").unit()).isEqualTo("packet");
        Measurement in = byName.get("network.incoming.bytes");
        assertThat(in.type()).isEqualTo(SampleType.CUMULATIVE);
        assertThat(in.resourceId()).isEqualTo("instance-0000002a-c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c-tap1b2c3d4e-5f");
        assertThat(in.metadata().get("vnic_name").asText()).isEqualTo("tap1b2c3d4e-5f");
        assertThat(in.metadata().get("mac").asText()).isEqualTo("fa:16:3e:12:34:56");
        assertThat(in.metadata().get("fref").isNull()).isTrue();
        assertThat(in.metadata().get("instance_id").asText()).isEqualTo(guest.uuid());
    }

    @Test
    void onlyTheWantedMetersAndNoneWithoutTap() {
        List<Measurement> out = new ArrayList<>();
        GuestNetwork.measure(
                out,
                Set.of(GuestNetwork.IN_BYTES),
                guest,
                Map.of(),
                Json.mapper().createObjectNode());
        assertThat(out).isEmpty();

        GuestNetwork.measure(
                out,
                Set.of(GuestNetwork.IN_BYTES),
                guest,
                Map.of("fe:16:3e:00:00:99", new GuestNetwork.Tap("tapx", 1, 2, 3, 4)),
                Json.mapper().createObjectNode());
        assertThat(out).extracting(Measurement::name).containsExactly("network.incoming.bytes");
        assertThat(GuestNetwork.wanted(Set.of("cpu"))).isFalse();
    }
}
