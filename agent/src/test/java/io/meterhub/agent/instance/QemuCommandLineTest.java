package io.meterhub.agent.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {

    /** The shape of a command line libvirt 9 writes for a nova instance (abridged). */
    private static final List<String> LIBVIRT = List.of(
            "/usr/bin/qemu-system-x86_64",
            "-name",
            "guest=instance-0000002a,debug-threads=on",
            "-S",
            "-machine",
            "pc-q35-7.2,usb=off",
            "-m",
            "size=2097152k",
            "-smp",
            "2,sockets=2,dies=1,cores=1,threads=1",
            "-uuid",
            "C3C9B6A4-5D7E-4F1A-9B0C-2E8D7F6A5B4C",
            "-smbios",
            "type=1,manufacturer=OpenStack Foundation,product=OpenStack Nova",
            "-blockdev",
            "{\"driver\":\"file\",\"filename\":\"/var/lib/nova/instances/c3c9/disk\",\"node-name\":\"libvirt-1-storage\"}",
            "-device",
            "virtio-blk-pci,bus=pci.3,addr=0x0,drive=libvirt-1-format,id=virtio-disk0,bootindex=1",
            "-netdev",
            "tap,fd=34,vhost=on,vhostfd=36,id=hostnet0",
            "-device",
            "virtio-net-pci,host_mtu=1450,netdev=hostnet0,id=net0,mac=FA:16:3E:12:34:56,bus=pci.1,addr=0x0");

    @Test
    void readsWhatLibvirtWrites() {
        QemuCommandLine q = QemuCommandLine.parse(LIBVIRT).orElseThrow();

        assertThat(q.uuid()).isEqualTo("c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c");
        assertThat(q.name()).isEqualTo("instance-0000002a");
        assertThat(q.vcpus()).isEqualTo(2);
        assertThat(q.memoryMb()).isEqualTo(2048);
        assertThat(q.macs()).containsExactly("fa:16:3e:12:34:56");
        assertThat(q.disks()).containsExactly("vda");
        assertThat(GuestNetwork.tapMac(q.macs().get(0))).isEqualTo("fe:16:3e:12:34:56");
    }

    @Test
    void readsOlderPlainForms() {
        QemuCommandLine q = QemuCommandLine.parse(List.of(
                        "qemu-kvm", "-name", "vm1", "-m", "512", "-uuid", "c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c"))
                .orElseThrow();

        assertThat(q.name()).isEqualTo("vm1");
        assertThat(q.memoryMb()).isEqualTo(512);
        assertThat(q.vcpus()).isEqualTo(1);
        assertThat(q.disks()).isEmpty();
    }

    @Test
    void escapedCommasStayInTheName() {
        QemuCommandLine q = QemuCommandLine.parse(List.of(
                        "qemu-system-aarch64",
                        "-name",
                        "guest=a,,b,debug-threads=on",
                        "-uuid",
                        "c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c"))
                .orElseThrow();

        assertThat(q.name()).isEqualTo("a,b");
    }

    @Test
    void otherProcessesAreNotGuests() {
        assertThat(QemuCommandLine.parse(List.of("sleep", "-uuid", "c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c")))
                .isEmpty();
        assertThat(QemuCommandLine.parse(List.of("qemu-system-x86_64", "-name", "x")))
                .isEmpty();
        assertThat(QemuCommandLine.parse(List.of("qemu-img", "-uuid", "c3c9b6a4-5d7e-4f1a-9b0c-2e8d7f6a5b4c")))
                .isEmpty();
        assertThat(QemuCommandLine.parse(List.of("qemu-system-x86_64", "-uuid", "not-a-uuid")))
                .isEmpty();
    }
}
