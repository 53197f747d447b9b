package io.meterhub.routes.it;

import io.meterhub.routes.Hub;
import io.meterhub.routes.config.HubConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts a hub in this JVM on free loopback ports and a fresh data directory. */
final class HubTestSupport {

    private HubTestSupport() {}

    static Map<String, String> options(Path data) {
        Map<String, String> o = new HashMap<>();
        o.put("data", data.toString());
        o.put("port", "0");
        o.put("store-port", "0");
        o.put("amqp-port", "0");
        return o;
    }

    static Map<String, String> options(Path data, Rabbit rabbit) {
        Map<String, String> o = options(data);
        o.put("rabbitmq", Rabbit.URI);
        o.put("exchanges", rabbit.exchanges());
        o.put("queue", rabbit.queue());
        o.put("dead-queue", rabbit.deadQueue());
        return o;
    }

    static Hub start(Map<String, String> options) throws Exception {
        return Hub.start(HubConfig.of(options));
    }

    /** Closes those that are not null, in the order given: the hub before the broker it consumes from. */
    static void closeAll(AutoCloseable... closeables) throws Exception {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                c.close();
            }
        }
    }
}
