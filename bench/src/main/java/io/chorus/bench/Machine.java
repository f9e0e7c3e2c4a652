package io.chorus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on, for the results file. */
record Machine(String cpuModel, int cores, String memory, String kernel, String java, String postgres) {

  static Machine describe(String postgresVersion) throws IOException {
    List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
    String model = cpuinfo.stream().filter(line -> line.startsWith("model name"))
        .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream()
        .filter(line -> line.startsWith("MemTotal")).findFirst().orElse("MemTotal: 0 kB");
    long kib = Long.parseLong(memTotal.replaceAll("\\D+", ""));
    String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    return new Machine(model, Runtime.getRuntime().availableProcessors(),
        "%.1f GiB".formatted(kib / 1024.0 / 1024.0),
        Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim(), java, "PostgreSQL " + postgresVersion);
  }
}
