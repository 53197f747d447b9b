package io.meterhub.mediation.oracle;

import java.nio.file.Path;

/** Where Debian's python3-ceilometer keeps Ceilometer 19's own default definitions. */
public final class Definitions {

    /** The directory of Ceilometer 19's default meters.yaml. */
    public static final Path CEILOMETER_METERS = Path.of("/usr/lib/python3/dist-packages/ceilometer/data/meters.d");

    /** Ceilometer 19's default event_definitions.yaml. */
    public static final Path CEILOMETER_EVENTS =
            Path.of("/usr/lib/python3/dist-packages/ceilometer/pipeline/data/event_definitions.yaml");

    private Definitions() {}
}
