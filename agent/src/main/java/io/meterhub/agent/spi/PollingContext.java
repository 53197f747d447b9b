package io.meterhub.agent.spi;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the agent tells a {@link Pollster} when it starts it.
 *
 * @param host this node's name as Ceilometer's {@code [DEFAULT] host} (by default the machine's host name); host
 *     resources are named after it
 * @param processPatterns regular expressions, each found in a process's command line ({@code find}, not
 *     {@code matches}) selects the process for the per-process meters
 */
public record PollingContext(String host, List<Pattern> processPatterns) {

    public PollingContext {
        processPatterns = List.copyOf(processPatterns);
    }
}
