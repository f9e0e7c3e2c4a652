package io.chorus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTest {
  private static final String CONF_DIR = System.getProperty("chorus.conf.dir");

  @TempDir
  Path temp;

  @Test
  @DisplayName("every command explains itself with --help and exits 0")
  void everyCommandHasHelp() {
    for (String command : new String[] {"run", "demo", "simulator", "migrate"}) {
      Result result = execute(command, "--help");
      assertThat(result.code).as(command).isZero();
      assertThat(result.out).as(command).contains("Usage: chorus " + command).contains("--config");
    }
  }

  @Test
  @DisplayName("chorus alone lists its commands")
  void topLevelUsage() {
    Result result = execute("--help");
    assertThat(result.code).isZero();
    assertThat(result.out).contains("run", "demo", "simulator", "migrate");
  }

  @Test
  @DisplayName("a --config file that does not exist stops start-up with exit code 2, naming the file")
  void missingConfigFile() {
    Result result = execute("run", "--conf-dir", CONF_DIR, "--config", temp.resolve("nope.yaml").toString());
    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("nope.yaml");
  }

  @Test
  @DisplayName("an invalid value stops start-up with exit code 2 and one line per problem naming the key")
  void invalidValues() throws Exception {
    Path overlay = Files.writeString(temp.resolve("bad.yaml"), """
        http:
          port: 70000
        leader:
          planIntervalMs: "soon"
        """);
    Result result = execute("migrate", "--conf-dir", CONF_DIR, "--config", overlay.toString());
    assertThat(result.code).isEqualTo(2);
    assertThat(result.err.lines().filter(line -> line.startsWith("  "))).hasSize(2);
    assertThat(result.err).contains("http.port", "70000").contains("leader.planIntervalMs", "soon");
  }

  @Test
  @DisplayName("an unknown role is refused with exit code 2")
  void unknownRole() {
    Result result = execute("run", "--conf-dir", CONF_DIR, "--roles", "leader,myspace");
    assertThat(result.code).isEqualTo(2);
    assertThat(result.err).contains("node.roles").contains("myspace");
  }

  private static Result execute(String... args) {
    StringWriter out = new StringWriter();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      CommandLine commandLine = new CommandLine(new ChorusCommand());
      commandLine.setOut(new PrintWriter(out));
      commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
      int code = commandLine.execute(args);
      return new Result(code, out.toString(), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(originalErr);
    }
  }

  private record Result(int code, String out, String err) {}
}
