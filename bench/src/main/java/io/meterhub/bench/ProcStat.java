package io.meterhub.bench;

/**
 * One line of Linux's {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}: the command name and the
 * CPU time spent in user and kernel mode, in clock ticks of 1/100 s (USER_HZ on every architecture the JDK runs on).
 */
record ProcStat(String comm, long ticks) {

    static final double TICKS_PER_SECOND = 100;

    /** "<pid> (<comm>) <state> ..." — comm may hold spaces and parentheses: the fields start after the last ')'. */
    static ProcStat parse(String stat) {
        int close = stat.lastIndexOf(')');
        String comm = stat.substring(stat.indexOf('(') + 1, close);
        String[] f = stat.substring(close + 2).split(" ");
        return new ProcStat(comm, Long.parseLong(f[11]) + Long.parseLong(f[12])); // utime, stime (fields 14, 15)
    }
}
