package io.meterhub.agent.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.SampleType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dynamic pollsters in Ceilometer's format against a JSON API served by the test on loopback. */
class DynamicPollsterIT {

    private static final String CLUSTERS =
            """
            {"clusters": [
              {"uuid": "c-1", "name": "alpha", "status": "CREATE_COMPLETE", "project_id": "p-1", "user_id": "u-1",
               "node_count": 3, "labels": {"zone": "z1"}},
              {"uuid": "c-2", "name": "beta", "status": "CREATE_FAILED", "project_id": "p-2", "user_id": "u-2",
               "node_count": 1, "labels": {"zone": "z2"}},
              {"uuid": "c-3", "name": "gamma", "status": "SOMETHING_NEW", "project_id": "p-3", "user_id": "u-3",
               "node_count": 5, "labels": {"zone": "z3"}}
            ]}""";

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicReference<String> token = new AtomicReference<>();
    private URI base;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/clusters/detail", ex -> {
            token.set(ex.getRequestHeaders().getFirst("X-Auth-Token"));
            byte[] body = CLUSTERS.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/broken", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void pollsTheApiAndMakesOneSamplePerEntryAsCeilometer() throws Exception {
        Path file = Files.writeString(
                dir.resolve("magnum.yaml"),
                """
                ---
                - name: "dynamic.magnum.cluster"
                  sample_type: "gauge"
                  unit: "cluster"
                  value_attribute: "status"
                  endpoint_type: "container-infra"
                  url_path: "v1/clusters/detail"
                  response_entries_key: "clusters"
                  resource_id_attribute: "uuid"
                  metadata_fields: ["name", "node_count", "labels.zone"]
                  metadata_mapping:
                    name: "display_name"
                  skip_sample_values: ["CREATE_FAILED"]
                  value_mapping:
                    CREATE_IN_PROGRESS: "0"
                    CREATE_COMPLETE: "2"
                  default_value: -1
                  headers:
                    X-Auth-Token: "t0ken"
                """);
        List<DynamicPollsterDefinition> defs = DynamicPollsterReader.read(file, Map.of("container-infra", base));
        DynamicPollster pollster = new DynamicPollster(defs.get(0), HttpClient.newHttpClient());

        List<Measurement> samples = pollster.poll(pollster.meterNames());

        assertThat(token.get()).isEqualTo("t0ken");
        assertThat(samples).extracting(Measurement::resourceId).containsExactly("c-1", "c-3");
        Measurement alpha = samples.get(0);
        assertThat(alpha.name()).isEqualTo("dynamic.magnum.cluster");
        assertThat(alpha.type()).isEqualTo(SampleType.GAUGE);
        assertThat(alpha.unit()).isEqualTo("cluster");
        assertThat(alpha.volume().longValue()).isEqualTo(2);
        assertThat(alpha.projectId()).isEqualTo("p-1");
        assertThat(alpha.userId()).isEqualTo("u-1");
        assertThat(alpha.metadata().get("display_name").asText()).isEqualTo("alpha");
        assertThat(alpha.metadata().get("name").asText()).isEqualTo("alpha"); // preserve_mapped_metadata
        assertThat(alpha.metadata().get("labels.zone").asText()).isEqualTo("z1");
        assertThat(samples.get(1).volume().longValue()).isEqualTo(-1); // unmapped: default_value
    }

    @Test
    void absoluteUrlAndNumericValueWithoutResponseEntriesKey() throws Exception {
        Path file = Files.writeString(
                dir.resolve("nodes.yaml"),
                """
                - name: "dynamic.cluster.nodes"
                  sample_type: "gauge"
                  unit: "node"
                  value_attribute: "node_count"
                  url_path: "%sv1/clusters/detail"
                  resource_id_attribute: "uuid"
                """
                        .formatted(base));
        DynamicPollster pollster =
                new DynamicPollster(DynamicPollsterReader.read(file, Map.of()).get(0), HttpClient.newHttpClient());

        assertThat(pollster.poll(pollster.meterNames()))
                .extracting(m -> m.volume().intValue())
                .containsExactly(3, 1, 5);
    }

    @Test
    void anErrorStatusFailsThePoll() throws Exception {
        Path file = Files.writeString(
                dir.resolve("broken.yaml"),
                """
                - name: "dynamic.broken"
                  sample_type: "gauge"
                  unit: "x"
                  value_attribute: "v"
                  url_path: "%sbroken"
                """
                        .formatted(base));
        DynamicPollster pollster =
                new DynamicPollster(DynamicPollsterReader.read(file, Map.of()).get(0), HttpClient.newHttpClient());

        assertThatThrownBy(() -> pollster.poll(pollster.meterNames()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answered 503");
    }

    @Test
    void refusesWhatItCannotEvaluateNamingPollsterAndField() throws Exception {
        Path ops = Files.writeString(
                dir.resolve("ops.yaml"),
                """
                - name: "dynamic.rgw"
                  sample_type: "gauge"
                  unit: "request"
                  value_attribute: "total.ops"
                  url_path: "http://rgw/admin/usage"
                  resource_id_attribute: "user | value.split('$')[0]"
                """);
        assertThatThrownBy(() -> DynamicPollsterReader.read(ops, Map.of()))
                .hasMessageContaining("ops.yaml: entry 0 'dynamic.rgw': resource_id_attribute uses an operation");
        Path noBase = Files.writeString(
                dir.resolve("nobase.yaml"),
                """
                - name: "dynamic.x"
                  sample_type: "gauge"
                  unit: "x"
                  value_attribute: "v"
                  endpoint_type: "volume"
                  url_path: "v3/volumes"
                """);
        assertThatThrownBy(() -> DynamicPollsterReader.read(noBase, Map.of()))
                .hasMessageContaining(
                        "'dynamic.x': endpoint_type 'volume' has no base URL (give one with --endpoint volume=URL)");
        Path module = Files.writeString(
                dir.resolve("module.yaml"),
                """
                - name: "dynamic.y"
                  sample_type: "gauge"
                  unit: "x"
                  value_attribute: "v"
                  url_path: "http://h/"
                  module: "awsauth"
                """);
        assertThatThrownBy(() -> DynamicPollsterReader.read(module, Map.of()))
                .hasMessageContaining("'dynamic.y': module is not supported");
    }
}
