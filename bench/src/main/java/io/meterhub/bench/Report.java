package io.meterhub.bench;

import java.util.Locale;

/** The benchmark's figures on standard output, one per line, aligned for reading. */
public final class Report {

    /** Ceilometer 19's notification agent with one worker on this machine (DESIGN.md, measured limits). */
    static final double CEILOMETER_RATE = 650;

    public void line(String label, String text) {
        System.out.printf(Locale.ROOT, "%-14s %s%n", label, text);
        System.out.flush();
    }

    public void rate(String label, Measurement m, String unit, String note) {
        line(
                label,
                String.format(
                        Locale.ROOT,
                        "%7d %-7s %7.2f s %8.0f %s/s%s",
                        m.count(),
                        unit + "s",
                        m.seconds(),
                        m.rate(),
                        unit,
                        note.isEmpty() ? "" : "  (" + note + ")"));
    }

    public void seconds(String label, long nanos, String note) {
        line(
                label,
                String.format(
                        Locale.ROOT, "%15s %7.2f s%s", "", nanos / 1e9, note.isEmpty() ? "" : "  (" + note + ")"));
    }

    static String round(double rate) {
        return String.format(Locale.ROOT, "%.0f", rate);
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 10 ? "%.2fx" : "%.1fx", ratio);
    }
}
