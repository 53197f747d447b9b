package io.meterhub.agent.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a QEMU/KVM guest's command line tells of it, as libvirt (and so nova) writes it: {@code -uuid} (the instance
 * id), {@code -name guest=instance-0000002a,debug-threads=on} or the older {@code -name instance-0000002a} (the
 * libvirt domain name, nova's {@code OS-EXT-SRV-ATTR:instance_name}), {@code -smp 2,...}, {@code -m 2048} or
 * {@code -m size=2097152k}, the MAC of each {@code -device virtio-net-pci,...,mac=...} and the virtio disks
 * ({@code id=virtio-disk0} is libvirt's alias of target {@code vda}, {@code virtio-disk1} of {@code vdb}, ...).
 *
 * @param uuid the instance UUID
 * @param name the domain name, or the UUID when {@code -name} is absent
 * @param vcpus the vCPU count, or 1 when {@code -smp} is absent
 * @param memoryMb the guest memory in MiB, or 0 when unknown
 * @param macs the guest's NIC MAC addresses, lower case
 * @param disks the guest's virtio disk names ({@code vda}, ...)
 */
public record QemuCommandLine(
        String uuid, String name, int vcpus, long memoryMb, List<String> macs, List<String> disks) {

    private static final Pattern QEMU = Pattern.compile("qemu-system-[\\w.-]+|qemu-kvm|kvm");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern VIRTIO_DISK = Pattern.compile("virtio-disk(\\d+)");

    /**
     * Reads {@code argv} when it is a QEMU guest's: {@code argv[0]}'s file name is {@code qemu-system-*},
     * {@code qemu-kvm} or {@code kvm}, and it has a {@code -uuid} with a UUID.
     */
    public static Optional<QemuCommandLine> parse(List<String> argv) {
        if (argv.isEmpty() || !QEMU.matcher(baseName(argv.get(0))).matches()) {
            return Optional.empty();
        }
        Map<String, List<String>> options = options(argv);
        String uuid = first(options, "-uuid");
        if (uuid == null || !UUID.matcher(uuid).matches()) {
            return Optional.empty();
        }
        String name = domainName(first(options, "-name"));
        List<String> macs = new ArrayList<>();
        List<String> disks = new ArrayList<>();
        for (String device : options.getOrDefault("-device", List.of())) {
            Map<String, String> props = properties(device);
            if (props.containsKey("mac") && props.getOrDefault("", "").contains("net")) {
                macs.add(props.get("mac").toLowerCase(Locale.ROOT));
            }
            var disk = VIRTIO_DISK.matcher(props.getOrDefault("id", ""));
            if (disk.matches()) {
                disks.add("vd" + (char) ('a' + Integer.parseInt(disk.group(1))));
            }
        }
        return Optional.of(new QemuCommandLine(
                uuid.toLowerCase(Locale.ROOT),
                name == null ? uuid : name,
                vcpus(first(options, "-smp")),
                memoryMb(first(options, "-m")),
                List.copyOf(macs),
                List.copyOf(disks)));
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Every {@code -option value} pair; an option may repeat ({@code -device}). */
    private static Map<String, List<String>> options(List<String> argv) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 1; i + 1 < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-") && !argv.get(i + 1).startsWith("-")) {
                out.computeIfAbsent(a.startsWith("--") ? a.substring(1) : a, k -> new ArrayList<>())
                        .add(argv.get(++i));
            }
        }
        return out;
    }

    private static String first(Map<String, List<String>> options, String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(0);
    }

    /**
     * QEMU's option syntax {@code [implied,]key=value,...} with {@code ,,} an escaped comma; the implied first value
     * (no {@code =}) is under the key {@code ""}.
     */
    static Map<String, String> properties(String value) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                cur.append(',');
                i++;
            } else if (c == ',') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            int eq = p.indexOf('=');
            if (eq < 0) {
                out.putIfAbsent(i == 0 ? "" : p, i == 0 ? p : "on");
            } else {
                out.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return out;
    }

    private static String domainName(String value) {
        if (value == null) {
            return null;
        }
        Map<String, String> props = properties(value);
        String guest = props.get("guest");
        return guest != null ? guest : props.get("");
    }

    private static int vcpus(String value) {
        if (value == null) {
            return 1;
        }
        Map<String, String> props = properties(value);
        String n = props.containsKey("cpus") ? props.get("cpus") : props.get("");
        try {
            return n == null ? 1 : Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code -m 512}, {@code -m 512M}, {@code -m 2G}, {@code -m size=2097152k}: MiB, the default unit. */
    private static long memoryMb(String value) {
        if (value == null) {
            return 0;
        }
        Map<String, String> props = properties(value);
        String size = props.containsKey("size") ? props.get("size") : props.get("");
        if (size == null || size.isEmpty()) {
            return 0;
        }
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        String digits = Character.isDigit(unit) ? size : size.substring(0, size.length() - 1);
        try {
            long n = Long.parseLong(digits);
            return switch (unit) {
                case 'k' -> n / 1024;
                case 'g' -> n * 1024;
                case 't' -> n * 1024 * 1024;
                default -> n;
            };
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
