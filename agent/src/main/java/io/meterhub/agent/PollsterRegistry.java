package io.meterhub.agent;

import io.meterhub.agent.spi.PollingContext;
import io.meterhub.agent.spi.Pollster;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pollsters of the agent: those {@link ServiceLoader} finds on the class path (the built-in host and instance
 * pollsters and any third-party jar's), plus the ones made from configuration (dynamic pollsters), each started
 * once. A pollster that fails to start is left out with a warning giving the reason, so one broken plugin does not
 * stop the others.
 */
public final class PollsterRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PollsterRegistry.class);

    private final List<Pollster> started = new ArrayList<>();

    /** Loads the class path's pollsters and {@code configured}, and starts them with {@code context}. */
    public static PollsterRegistry start(PollingContext context, List<Pollster> configured, ClassLoader loader) {
        List<Pollster> all = new ArrayList<>();
        ServiceLoader.load(Pollster.class, loader).forEach(all::add);
        all.addAll(configured);
        PollsterRegistry registry = new PollsterRegistry();
        for (Pollster p : all) {
            try {
                p.start(context);
                registry.started.add(p);
            } catch (Exception | LinkageError e) {
                LOG.warn("pollster {} left out: it cannot start here: {}", p.name(), e.toString());
            }
        }
        return registry;
    }

    /** The started pollsters, in loading order. */
    public List<Pollster> pollsters() {
        return List.copyOf(started);
    }

    @Override
    public void close() {
        for (Pollster p : started) {
            try {
                p.close();
            } catch (RuntimeException e) {
                LOG.warn("pollster {} failed to close: {}", p.name(), e.toString());
            }
        }
    }
}
