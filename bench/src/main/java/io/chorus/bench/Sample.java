package io.chorus.bench;

import java.time.Duration;
import java.time.Instant;

/** Cumulative counters read at one moment; the difference of two samples is what happened between them. */
record Sample(
    Instant at,
    long nodeCpuMs,
    long simulatorCpuMs,
    long postgresCpuMs,
    long transactions,
    long machineBusyMs,
    long machineTotalMs) {

  /** What happened between {@code start} and this sample, for {@code posts} posts published meanwhile. */
  Delta since(Sample start, long posts) {
    return new Delta(Duration.between(start.at, at), posts, nodeCpuMs - start.nodeCpuMs,
        simulatorCpuMs - start.simulatorCpuMs, postgresCpuMs - start.postgresCpuMs,
        transactions - start.transactions, machineBusyMs - start.machineBusyMs,
        machineTotalMs - start.machineTotalMs);
  }

  /** The difference of two samples. */
  record Delta(Duration elapsed, long posts, long nodeCpuMs, long simulatorCpuMs, long postgresCpuMs,
      long transactions, long machineBusyMs, long machineTotalMs) {

    double seconds() {
      return elapsed.toMillis() / 1000.0;
    }

    double postsPerSecond() {
      return posts / seconds();
    }

    double perPost(long amount) {
      return posts == 0 ? Double.NaN : (double) amount / posts;
    }

    /** A CPU time as cores kept busy on average (1.0 = one core all the time). */
    double cores(long cpuMs) {
      return cpuMs / (double) elapsed.toMillis();
    }

    /** Busy CPU of the machine not spent by the node, the simulator or the benchmark's PostgreSQL backends. */
    long otherCpuMs() {
      return machineBusyMs - nodeCpuMs - simulatorCpuMs - postgresCpuMs;
    }

    /** Cores the machine has, from its CPU time over wall time. */
    double machineCores() {
      return cores(machineTotalMs);
    }
  }
}
