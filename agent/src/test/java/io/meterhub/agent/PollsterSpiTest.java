package io.meterhub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.agent.spi.Pollster;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PollsterSpiTest {

    @Test
    void serviceLoaderFindsEveryBuiltInPollsterWithDistinctNamesAndMeters() {
        List<Pollster> loaded = new ArrayList<>();
        ServiceLoader.load(Pollster.class).forEach(loaded::add);

        assertThat(loaded)
                .extracting(Pollster::name)
                .containsExactlyInAnyOrder(
                        "host.cpu",
                        "host.memory",
                        "host.disk",
                        "host.filesystem",
                        "host.network",
                        "host.process",
                        "compute.instance");
        Set<String> meters = new HashSet<>();
        for (Pollster p : loaded) {
            assertThat(p.meterNames()).isNotEmpty();
            for (String m : p.meterNames()) {
                assertThat(meters.add(m)).as("meter %s from two pollsters", m).isTrue();
            }
        }
        assertThat(meters).contains("cpu", "memory.usage", "disk.device.read.bytes", "network.incoming.bytes");
    }
}
