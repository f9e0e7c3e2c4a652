package io.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;

/** CPU time from Linux's /proc: per process, and for the whole machine. */
final class Proc {
  /** Linux reports CPU times in clock ticks, 100 a second on every common kernel configuration. */
  private static final long TICKS_PER_SECOND = 100;

  private Proc() {}

  /** utime + stime of one process in milliseconds; 0 for a process that is gone. */
  static long cpuMillis(long pid) throws IOException {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (NoSuchFileException gone) {
      return 0;
    }
    // The command name may hold spaces and parentheses: fields are counted after its closing ')'.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 1000 / TICKS_PER_SECOND;
  }

  static long cpuMillis(Collection<Long> pids) throws IOException {
    long total = 0;
    for (long pid : pids) {
      total += cpuMillis(pid);
    }
    return total;
  }

  /** The machine's busy and total CPU time in milliseconds, summed over all cores, from /proc/stat. */
  static long[] machineMillis() throws IOException {
    String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < cpu.length; i++) {
      total += Long.parseLong(cpu[i]);
    }
    long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
    return new long[] {(total - idle) * 1000 / TICKS_PER_SECOND, total * 1000 / TICKS_PER_SECOND};
  }

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg prints them. */
  static String loadAverage() throws IOException {
    String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return parts[0] + " " + parts[1] + " " + parts[2];
  }
}
