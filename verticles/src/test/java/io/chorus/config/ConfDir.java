package io.chorus.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** A conf directory in a test's temp folder, seeded with the repository's shipped files, for tests to add overlays to. */
final class ConfDir {
  static final List<String> SHIPPED_FILES = List.of("application.yaml", "application-demo.yaml", "schema.json");
  static final List<String> PLATFORMS = List.of("facebook", "x", "instagram", "linkedin", "tiktok");

  private final Path dir;

  private ConfDir(Path dir) {
    this.dir = dir;
  }

  /** The repository's conf/ directory, which surefire names in the chorus.conf.dir system property. */
  static Path shipped() {
    return Path.of(System.getProperty("chorus.conf.dir", "../conf"));
  }

  static ConfDir copyOfShipped(Path tempDir) {
    try {
      for (String name : SHIPPED_FILES) {
        Files.copy(shipped().resolve(name), tempDir.resolve(name));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ConfDir(tempDir);
  }

  Path path() {
    return dir;
  }

  /** Writes a file of this directory, e.g. a profile overlay {@code application-<profile>.yaml}. */
  Path write(String name, String contents) {
    try {
      return Files.writeString(dir.resolve(name), contents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites application.yaml with one piece of text replaced. */
  void editBase(String text, String replacement) {
    try {
      Path base = dir.resolve("application.yaml");
      String contents = Files.readString(base);
      assertThat(contents).contains(text);
      Files.writeString(base, contents.replace(text, replacement));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ConfigSource source() {
    return ConfigSource.of(dir);
  }

  /** The demo profile with every platform pointed at a loopback address, as {@code chorus demo} does for the simulator. */
  ConfigSource demo() {
    ConfigSource source = source().withProfile("demo");
    for (String platform : PLATFORMS) {
      source = source.withOverride("platforms." + platform + ".baseUrl", "http://127.0.0.1:1/" + platform);
    }
    return source;
  }

  /** Completes the test once the load failed with a ConfigException whose problems pass the check. */
  static void expectProblems(VertxTestContext ctx, Future<?> load, Consumer<List<String>> check) {
    load.onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure).isInstanceOf(ConfigException.class);
      check.accept(((ConfigException) failure).problems());
      ctx.completeNow();
    })));
  }
}
