package io.meterhub.agent.host;

import oshi.SystemInfo;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

/**
 * The one OSHI {@link SystemInfo} of the agent, made once (it is costly to build, and OSHI caches within it), shared
 * by every host pollster.
 */
public final class HostProbe {

    private static final class Holder {
        static final SystemInfo INFO = new SystemInfo();
        static final HardwareAbstractionLayer HARDWARE = INFO.getHardware();
        static final OperatingSystem OS = INFO.getOperatingSystem();
    }

    private HostProbe() {}

    public static HardwareAbstractionLayer hardware() {
        return Holder.HARDWARE;
    }

    public static OperatingSystem os() {
        return Holder.OS;
    }
}
