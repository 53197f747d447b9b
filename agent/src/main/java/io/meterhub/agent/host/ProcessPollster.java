package io.meterhub.agent.host;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.PollingContext;
import io.meterhub.model.SampleType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import oshi.software.os.OSProcess;

/**
 * CPU and memory of the processes whose command line one of the configured patterns ({@code --process}) finds:
 * {@code process.cpu.time} (cumulative ns, user and kernel) and {@code process.memory.resident} (gauge, MB). One
 * resource per process, {@code <host>.process.<pid>}, with metadata {@code pid}, {@code name},
 * {@code command_line} (cut at 256 characters, as Ceilometer cuts reserved metadata) and the matching
 * {@code pattern}. meterhub's meters: Ceilometer has none per host process.
 */
public final class ProcessPollster extends HostPollster {

    static final String CPU = "process.cpu.time";
    static final String MEMORY = "process.memory.resident";
    private static final int MAX_COMMAND_LINE = 256;

    private final ProcessTable table = new ProcessTable();
    private List<Pattern> patterns = List.of();

    public ProcessPollster() {
        super("host.process", CPU, MEMORY);
    }

    @Override
    public void start(PollingContext context) {
        super.start(context);
        patterns = context.processPatterns();
    }

    @Override
    public List<Measurement> poll(Set<String> wanted) {
        List<Measurement> out = new ArrayList<>();
        if (patterns.isEmpty()) {
            return out;
        }
        int self = HostProbe.os().getProcessId();
        for (ProcessTable.Entry e : table.matching(p -> p.pid() != self && pattern(p) != null)) {
            OSProcess process = HostProbe.os().getProcess(e.pid());
            if (process == null) {
                continue; // ended meanwhile
            }
            ObjectNode meta = Meters.metadata(host);
            meta.put("pid", e.pid());
            meta.put("name", process.getName());
            String cmd = e.commandLine();
            meta.put("command_line", cmd.length() > MAX_COMMAND_LINE ? cmd.substring(0, MAX_COMMAND_LINE) : cmd);
            meta.put("pattern", pattern(e).pattern());
            String resource = host + ".process." + e.pid();
            Meters.add(out, wanted, CPU, SampleType.CUMULATIVE, "ns", Meters.cpuNs(process), resource, meta);
            Meters.add(out, wanted, MEMORY, SampleType.GAUGE, "MB", Meters.residentMb(process), resource, meta);
        }
        return out;
    }

    private Pattern pattern(ProcessTable.Entry e) {
        String cmd = e.commandLine();
        for (Pattern p : patterns) {
            if (p.matcher(cmd).find()) {
                return p;
            }
        }
        return null;
    }
}
