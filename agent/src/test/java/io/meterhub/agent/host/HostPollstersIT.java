package io.meterhub.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.PollingContext;
import io.meterhub.agent.spi.Pollster;
import io.meterhub.model.SampleType;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The host pollsters on this very machine give sane values. */
class HostPollstersIT {

    private static final PollingContext CONTEXT = new PollingContext("testhost", List.of());

    @Test
    void cumulativeCpuTimesNeverDecreaseAndThePercentageIsAPercentage() throws Exception {
        CpuPollster cpu = started(new CpuPollster());
        Map<String, Measurement> first = byKey(cpu.poll(cpu.meterNames()));
        burnCpu(Duration.ofMillis(300));
        Map<String, Measurement> second = byKey(cpu.poll(cpu.meterNames()));

        assertThat(first)
                .containsKeys(
                        "compute.node.cpu.user.time|testhost_testhost",
                        "compute.node.cpu.idle.time|testhost_testhost",
                        "compute.node.cpu.percpu.time|testhost_testhost-cpu0",
                        "hardware.cpu.load.1min|testhost");
        first.forEach((key, m) -> {
            if (m.type() == SampleType.CUMULATIVE) {
                assertThat(m.unit()).isEqualTo("ns");
                assertThat(second.get(key).volume().longValue())
                        .as(key)
                        .isGreaterThanOrEqualTo(m.volume().longValue());
            }
        });
        long busyBefore = first.get("compute.node.cpu.user.time|testhost_testhost")
                        .volume()
                        .longValue()
                + first.get("compute.node.cpu.kernel.time|testhost_testhost")
                        .volume()
                        .longValue();
        long busyAfter = second.get("compute.node.cpu.user.time|testhost_testhost")
                        .volume()
                        .longValue()
                + second.get("compute.node.cpu.kernel.time|testhost_testhost")
                        .volume()
                        .longValue();
        assertThat(busyAfter).isGreaterThan(busyBefore);
        assertThat(second.get("compute.node.cpu.percent|testhost_testhost")
                        .volume()
                        .doubleValue())
                .isBetween(0.0, 100.0)
                .isPositive();
        assertThat(second.get("compute.node.cpu.percpu.time|testhost_testhost-cpu0")
                        .metadata()
                        .get("cpu_number")
                        .asInt())
                .isZero();
    }

    @Test
    void memoryUsedIsAtMostTotal() {
        MemoryPollster memory = started(new MemoryPollster());
        Map<String, Measurement> m = byName(memory.poll(memory.meterNames()));

        long total = m.get("hardware.memory.total").volume().longValue();
        long used = m.get("hardware.memory.used").volume().longValue();
        assertThat(total).isGreaterThan(100_000); // KB: more than 100 MB
        assertThat(used).isPositive().isLessThanOrEqualTo(total);
        assertThat(m.get("hardware.memory.swap.avail").volume().longValue())
                .isLessThanOrEqualTo(
                        m.get("hardware.memory.swap.total").volume().longValue());
        assertThat(m.get("hardware.memory.used").unit()).isEqualTo("KB");
    }

    @Test
    void loopbackCountersGrowAfterTrafficTheTestMakes() throws Exception {
        NetworkPollster net = started(new NetworkPollster());
        Map<String, Measurement> before = byKey(net.poll(net.meterNames()));
        String lo = "hardware.network.incoming.bytes|testhost.lo";
        assertThat(before).containsKey(lo);

        sendOverLoopback(2 * 1024 * 1024);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, Measurement> after = byKey(net.poll(net.meterNames()));
            assertThat(after.get(lo).volume().longValue()
                            - before.get(lo).volume().longValue())
                    .isGreaterThanOrEqualTo(2 * 1024 * 1024);
            String packets = "hardware.network.outgoing.packets|testhost.lo";
            assertThat(after.get(packets).volume().longValue())
                    .isGreaterThan(before.get(packets).volume().longValue());
        });
    }

    @Test
    void filesystemsAndDisksAreMeteredWithSaneUnits() {
        FilesystemPollster fs = started(new FilesystemPollster());
        List<Measurement> sizes = fs.poll(fs.meterNames());
        Map<String, Measurement> byKey = byKey(sizes);
        assertThat(sizes).isNotEmpty();
        sizes.stream().filter(m -> m.name().equals("hardware.disk.size.used")).forEach(used -> assertThat(
                        used.volume().longValue())
                .isLessThanOrEqualTo(byKey.get("hardware.disk.size.total|" + used.resourceId())
                        .volume()
                        .longValue()));

        DiskPollster disks = started(new DiskPollster());
        assertThat(disks.poll(disks.meterNames())).allSatisfy(m -> {
            assertThat(m.type()).isEqualTo(SampleType.CUMULATIVE);
            assertThat(m.volume().longValue()).isNotNegative();
            assertThat(m.resourceId()).startsWith("testhost.");
        });
    }

    @Test
    void processesMatchingAPatternAreMetered() throws Exception {
        String marker = "meterhub-process-it-" + java.util.UUID.randomUUID();
        // sh keeps its arguments in its command line; the trailing ':' keeps it from exec-ing sleep in its place
        Process child = new ProcessBuilder("sh", "-c", "sleep 600; :", marker).start();
        try {
            ProcessPollster processes = new ProcessPollster();
            processes.start(new PollingContext("testhost", List.of(Pattern.compile(Pattern.quote(marker)))));
            String resource = "testhost.process." + child.pid();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                            byKey(processes.poll(processes.meterNames())))
                    .containsOnlyKeys("process.cpu.time|" + resource, "process.memory.resident|" + resource)
                    .allSatisfy((key, m) -> {
                        assertThat(m.volume().longValue()).isNotNegative();
                        assertThat(m.metadata().get("pid").asLong()).isEqualTo(child.pid());
                        assertThat(m.metadata().get("command_line").asText()).contains(marker);
                    }));
        } finally {
            child.descendants().forEach(ProcessHandle::destroyForcibly); // sh's sleep
            child.destroyForcibly().waitFor();
        }
    }

    private static <P extends Pollster> P started(P p) {
        try {
            p.start(CONTEXT);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return p;
    }

    private static Map<String, Measurement> byKey(List<Measurement> ms) {
        return ms.stream().collect(Collectors.toMap(m -> m.name() + "|" + m.resourceId(), Function.identity()));
    }

    private static Map<String, Measurement> byName(List<Measurement> ms) {
        return ms.stream().collect(Collectors.toMap(Measurement::name, Function.identity()));
    }

    private static void burnCpu(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        double x = 0;
        while (System.nanoTime() < end) {
            x += Math.sqrt(x + 1);
        }
        assertThat(x).isPositive();
    }

    private static void sendOverLoopback(int bytes) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = new Thread(() -> {
                try (Socket s = server.accept();
                        InputStream in = s.getInputStream()) {
                    in.transferTo(OutputStream.nullOutputStream());
                } catch (Exception ignored) {
                    // the writer's assertion reports a failure
                }
            });
            reader.start();
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream out = s.getOutputStream()) {
                out.write(new byte[bytes]);
            }
            reader.join(10_000);
        }
    }
}
