package io.meterhub.agent.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.PollingContext;
import io.meterhub.model.SampleType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A process whose command line is a QEMU guest's is found and metered as an instance. The process is Debian's
 * {@code /usr/bin/python3} (a pyenv shim would re-exec and lose the name) started under the name {@code qemu-system-x86_64} ({@code exec -a}) with a guest's options after {@code -c}'s
 * program, which Python leaves to the program: so its {@code /proc/<pid>/cmdline} really holds them.
 */
class InstancePollsterIT {

    private final String uuid = UUID.randomUUID().toString();
    private Process guest;

    @BeforeEach
    void startGuest() throws Exception {
        String script = "exec -a qemu-system-x86_64 /usr/bin/python3 -c 'import time; time.sleep(600)'"
                + " -name guest=instance-0000abcd,debug-threads=on -m 512 -smp 2 -uuid " + uuid
                + " -device virtio-blk-pci,drive=libvirt-1-format,id=virtio-disk0,bootindex=1"
                + " -device virtio-net-pci,netdev=hostnet0,id=net0,mac=fa:16:3e:00:00:01";
        guest = new ProcessBuilder("bash", "-c", script).start();
    }

    @AfterEach
    void stopGuest() throws Exception {
        guest.destroyForcibly().waitFor();
    }

    @Test
    void discoversTheGuestAndMetersItAsCeilometersComputeAgentWould() {
        InstancePollster pollster = new InstancePollster();
        pollster.start(new PollingContext("compute-1", List.of()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Measurement> m = pollster.poll(pollster.meterNames()).stream()
                    .filter(x -> x.resourceId().startsWith(uuid))
                    .collect(Collectors.toMap(x -> x.name() + "|" + x.resourceId(), Function.identity()));
            assertThat(m).containsKeys("cpu|" + uuid, "memory.usage|" + uuid);

            Measurement cpu = m.get("cpu|" + uuid);
            assertThat(cpu.type()).isEqualTo(SampleType.CUMULATIVE);
            assertThat(cpu.unit()).isEqualTo("ns");
            assertThat(cpu.volume().longValue()).isNotNegative();
            assertThat(cpu.metadata().get("cpu_number").asInt()).isEqualTo(2);
            assertThat(cpu.metadata().get("name").asText()).isEqualTo("instance-0000abcd");
            assertThat(cpu.metadata().get("instance_id").asText()).isEqualTo(uuid);
            assertThat(cpu.metadata().get("memory_mb").asInt()).isEqualTo(512);
            assertThat(cpu.metadata().get("instance_host").asText()).isEqualTo("compute-1");

            Measurement memory = m.get("memory.usage|" + uuid);
            assertThat(memory.type()).isEqualTo(SampleType.GAUGE);
            assertThat(memory.unit()).isEqualTo("MB");
            assertThat(memory.volume().longValue()).isPositive(); // a Python interpreter holds a few MB

            // /proc/<pid>/io is readable by the owner: the single virtio disk is metered per device
            Measurement read = m.get("disk.device.read.bytes|" + uuid + "-vda");
            assertThat(read).isNotNull();
            assertThat(read.unit()).isEqualTo("B");
            assertThat(read.metadata().get("disk_name").asText()).isEqualTo("vda");
            assertThat(m).containsKey("disk.device.write.bytes|" + uuid + "-vda");
        });
    }

    @Test
    void aStoppedGuestIsNoLongerMetered() throws Exception {
        InstancePollster pollster = new InstancePollster();
        pollster.start(new PollingContext("compute-1", List.of()));
        await().atMost(Duration.ofSeconds(10)).until(() -> pollster.poll(pollster.meterNames()).stream()
                .anyMatch(x -> x.resourceId().equals(uuid)));

        guest.destroyForcibly().waitFor();

        assertThat(pollster.poll(pollster.meterNames()))
                .noneMatch(x -> x.resourceId().startsWith(uuid));
    }
}
