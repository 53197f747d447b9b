package io.meterhub.agent.spi;

import java.util.List;
import java.util.Set;

/**
 * A source of measurements: the agent's plugin point. Implementations are found with {@link java.util.ServiceLoader}
 * (a jar on the agent's classpath lists them in {@code META-INF/services/io.meterhub.agent.spi.Pollster}) and need a
 * public no-argument constructor. The agent calls {@link #start} once, then {@link #poll} from one thread at a time,
 * on the interval of every polling source whose meter patterns select one of {@link #meterNames()}, and
 * {@link #close} when it stops.
 *
 * <p>A pollster measures; it does not stamp, sign or send. The agent gives each {@link Measurement} its timestamp
 * (one per poll, as Ceilometer's polling manager does), message id and source, signs it and publishes it.
 */
public interface Pollster extends AutoCloseable {

    /**
     * A short stable name for logs and diagnostics, e.g. {@code host.cpu}.
     *
     * @return the pollster's name, unique among the loaded pollsters
     */
    String name();

    /**
     * Every meter name this pollster can produce; the agent matches them against the polling sources' patterns
     * ({@code cpu}, {@code hardware.*}, {@code !disk.*}) to decide whether and how often to poll it.
     *
     * @return the meter names, never empty
     */
    Set<String> meterNames();

    /**
     * Prepares the pollster before its first poll: read settings, open what it keeps open. Called once.
     *
     * @param context what the agent knows of where it runs and how it is configured
     * @throws Exception when the pollster cannot work here; the agent logs the reason and leaves it out
     */
    default void start(PollingContext context) throws Exception {}

    /**
     * Measures now.
     *
     * @param meters the meter names wanted in this poll, a non-empty subset of {@link #meterNames()}; measurements
     *     of other meters are dropped by the agent, so a pollster may ignore this when filtering is not cheaper
     * @return the measurements, possibly none (e.g. no matching process runs)
     * @throws Exception when this poll failed; the agent logs it and polls again at the next interval
     */
    List<Measurement> poll(Set<String> meters) throws Exception;

    /** Releases what {@link #start} opened. The default does nothing. */
    @Override
    default void close() {}
}
