package io.meterhub.agent.host;

import io.meterhub.agent.spi.PollingContext;
import io.meterhub.agent.spi.Pollster;
import java.util.Set;

/** What the built-in pollsters of this node share: a fixed name and meter set, and the node's name once started. */
public abstract class HostPollster implements Pollster {

    private final String name;
    private final Set<String> meters;
    /** This node's name ({@link PollingContext#host()}), set by {@link #start}. */
    protected String host;

    protected HostPollster(String name, String... meters) {
        this.name = name;
        this.meters = Set.of(meters);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> meterNames() {
        return meters;
    }

    /** Remembers the node's name; subclasses that override this call it first. */
    @Override
    public void start(PollingContext context) {
        host = context.host();
    }
}
