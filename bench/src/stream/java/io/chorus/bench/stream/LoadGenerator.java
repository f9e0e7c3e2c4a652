package io.chorus.bench.stream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A closed-loop load: a fixed number of callers, each making its next call as soon as the previous
 * one answered, first for a warm-up that is not counted, then for the measured window. The warm-up
 * lasts until enough calls have been answered for the JIT to have compiled the paths they take
 * (measured too early, the window pays for the compiler's CPU), within a least and a most time. A call is
 * counted in the window when its answer arrives within it; its latency runs from making the call to
 * reading the whole answer. After the window no new call is made, and the generator waits for the
 * calls still in flight, so every answer (also the warm-up's) is in {@link Result#answered()}.
 */
final class LoadGenerator {
  /** Linux reports CPU times in clock ticks, 100 a second on every common kernel configuration. */
  private static final long TICKS_PER_SECOND = 100;

  /**
   * What one call got: an HTTP status (or 200 for a bus reply), how many events it says were stored,
   * and for an answer other than 2xx what it said.
   */
  record Outcome(int status, int stored, String problem) {
    static Outcome of(int status, int stored) {
      return new Outcome(status, stored, null);
    }
  }

  /**
   * What a load produced.
   *
   * @param warmupAnswers 2xx answers during the warm-up
   * @param warmupMillis how long the warm-up took
   * @param inWindow 2xx answers that arrived within the measured window
   * @param latencyMicros latency of each of those, sorted
   * @param answered every 2xx answer, warm-up and calls finishing after the window included
   * @param stored events the 2xx answers said were stored
   * @param non2xx answers with another status, in and out of the window, by status
   * @param failed calls that got no answer at all (connection refused or reset, timeout)
   * @param firstFailure what the first call that failed or was not answered 2xx got, or null
   * @param processCpuMillis CPU time of this JVM (server and clients) over the window
   * @param machineBusyMillis busy CPU time of the whole machine over the window, all cores
   */
  record Result(long warmupAnswers, long warmupMillis, long inWindow, int seconds, long[] latencyMicros, long answered, long stored,
      Map<Integer, Long> non2xx, long failed, String firstFailure, long processCpuMillis, long machineBusyMillis) {

    long perSecond() {
      return inWindow / seconds;
    }

    long non2xxTotal() {
      return non2xx.values().stream().mapToLong(Long::longValue).sum();
    }

    String quantile(double q) {
      if (latencyMicros.length == 0) {
        return "–";
      }
      long micros = latencyMicros[Math.min(latencyMicros.length - 1, (int) Math.ceil(q * latencyMicros.length) - 1)];
      return "%.1f ms".formatted(micros / 1_000.0);
    }

    /** CPU microseconds per answer in the window: this JVM, and the rest of the machine. */
    String cpuPerCall() {
      if (inWindow == 0) {
        return "–";
      }
      long rest = Math.max(0, machineBusyMillis - processCpuMillis);
      return "%d µs + %d µs".formatted(processCpuMillis * 1_000 / inWindow, rest * 1_000 / inWindow);
    }
  }

  private LoadGenerator() {}

  /** How a warm-up ends: after at least {@code minSeconds}, once {@code answers} calls were answered, or at {@code maxSeconds}. */
  record Warmup(int minSeconds, long answers, int maxSeconds) {}

  /**
   * Runs {@code callers} loops of {@code call} on {@code vertx}'s event loops: the warm-up
   * uncounted, then {@code seconds} measured. Blocks the calling thread (not an event loop) until
   * every call has answered or failed.
   */
  static Result run(Vertx vertx, int callers, Warmup warmup, int seconds, Supplier<Future<Outcome>> call)
      throws Exception {
    long start = System.nanoTime();
    Shared shared = new Shared();
    CountDownLatch finished = new CountDownLatch(callers);
    List<Caller> loops = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      Caller caller = new Caller(call, shared, finished);
      loops.add(caller);
      // From a thread outside Vert.x each runOnContext gets a new context, spread over the event
      // loops; every callback of one caller then runs on its context, one at a time.
      vertx.runOnContext(go -> caller.next());
    }
    sleepUntil(start + TimeUnit.SECONDS.toNanos(warmup.minSeconds()));
    long warmupEnd = start + TimeUnit.SECONDS.toNanos(warmup.maxSeconds());
    while (shared.answers.get() < warmup.answers() && System.nanoTime() < warmupEnd) {
      Thread.sleep(50);
    }
    long cpu0 = processCpuMillis();
    long busy0 = machineBusyMillis();
    long windowStart = System.nanoTime();
    long warmupAnswers = shared.answers.get();
    long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
    // The end first: a caller that sees the new start also sees a window that ends.
    shared.windowEnd = windowEnd;
    shared.windowStart = windowStart;
    sleepUntil(windowEnd);
    long cpu1 = processCpuMillis();
    long busy1 = machineBusyMillis();
    if (!finished.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(finished.getCount() + " callers still wait for an answer 120 s after the window");
    }
    long inWindow = 0;
    long answered = 0;
    long stored = 0;
    int latencies = 0;
    for (Caller caller : loops) {
      inWindow += caller.inWindow;
      answered += caller.answered;
      stored += caller.stored;
      latencies += caller.latencyCount;
    }
    long[] sorted = new long[latencies];
    int at = 0;
    for (Caller caller : loops) {
      System.arraycopy(caller.latencyMicros, 0, sorted, at, caller.latencyCount);
      at += caller.latencyCount;
    }
    Arrays.sort(sorted);
    return new Result(warmupAnswers, TimeUnit.NANOSECONDS.toMillis(windowStart - start), inWindow, seconds, sorted, answered, stored, new TreeMap<>(shared.non2xx), shared.failed.get(),
        shared.firstFailure.get(), cpu1 - cpu0, busy1 - busy0);
  }

  /** Counts every caller adds to, and the window, set once the warm-up is over. */
  private static final class Shared {
    final AtomicLong answers = new AtomicLong();
    volatile long windowStart = Long.MAX_VALUE;
    volatile long windowEnd = Long.MAX_VALUE;
    final Map<Integer, Long> non2xx = new ConcurrentHashMap<>();
    final AtomicLong failed = new AtomicLong();
    final AtomicReference<String> firstFailure = new AtomicReference<>();
  }

  /** One loop of calls; its fields are touched only on its own context, and read after it finished. */
  private static final class Caller {
    private final Supplier<Future<Outcome>> call;
    private final Shared shared;
    private final CountDownLatch finished;
    long[] latencyMicros = new long[4_096];
    int latencyCount;
    long inWindow;
    long answered;
    long stored;

    Caller(Supplier<Future<Outcome>> call, Shared shared, CountDownLatch finished) {
      this.call = call;
      this.shared = shared;
      this.finished = finished;
    }

    void next() {
      long sent = System.nanoTime();
      if (sent >= shared.windowEnd) {
        finished.countDown();
        return;
      }
      call.get().onComplete(result -> {
        long read = System.nanoTime();
        if (result.failed()) {
          shared.failed.incrementAndGet();
          shared.firstFailure.compareAndSet(null, String.valueOf(result.cause()));
        } else if (result.result().status() / 100 != 2) {
          shared.non2xx.merge(result.result().status(), 1L, Long::sum);
          shared.firstFailure.compareAndSet(null, result.result().status() + " " + result.result().problem());
        } else {
          answered++;
          shared.answers.incrementAndGet();
          stored += result.result().stored();
          if (read >= shared.windowStart && read < shared.windowEnd) {
            inWindow++;
            if (latencyCount == latencyMicros.length) {
              latencyMicros = Arrays.copyOf(latencyMicros, latencyCount * 2);
            }
            latencyMicros[latencyCount++] = TimeUnit.NANOSECONDS.toMicros(read - sent);
          }
        }
        next();
      });
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** utime + stime of this JVM, from /proc/self/stat, in milliseconds. */
  static long processCpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1_000 / TICKS_PER_SECOND;
  }

  /** Busy CPU time of the whole machine, all cores, from /proc/stat, in milliseconds. */
  static long machineBusyMillis() throws IOException {
    String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    // user nice system idle iowait irq softirq steal; guest time is already counted in user and nice.
    for (int i = 1; i <= 8 && i < cpu.length; i++) {
      total += Long.parseLong(cpu[i]);
    }
    long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
    return (total - idle) * 1_000 / TICKS_PER_SECOND;
  }
}
