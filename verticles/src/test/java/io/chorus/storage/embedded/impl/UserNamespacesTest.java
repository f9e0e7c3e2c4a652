package io.chorus.storage.embedded.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.chorus.storage.embedded.impl.UserNamespaces.Probe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UserNamespacesTest {

  @Test
  @DisplayName("a named non-zero uid inside unshare lets PostgreSQL run as root")
  void namedNonZeroUidIsEnough() {
    assertThat(UserNamespaces.problem(new Probe(0, "65534"), new Probe(0, "nobody"))).isEmpty();
  }

  @Test
  @DisplayName("a refused unshare is reported with the check, its output and what to do instead")
  void refusedUnshareSaysWhatToDo() {
    Probe refused = new Probe(1, "unshare: unshare failed: Operation not permitted");

    assertThat(UserNamespaces.problem(refused, refused)).hasValueSatisfying(message -> assertThat(message)
        .contains("`unshare -U id -u` must print a non-zero uid")
        .contains("exit code 1: unshare: unshare failed: Operation not permitted")
        .contains("database.host:database.port")
        .contains("kernel.unprivileged_userns_clone=1"));
  }

  @Test
  @DisplayName("an unshare that leaves the process root is reported with what it printed")
  void rootInsideUnshareIsRefused() {
    assertThat(UserNamespaces.problem(new Probe(0, "0"), new Probe(0, "root")))
        .hasValueSatisfying(message -> assertThat(message).contains("but it printed \"0\""));
  }

  @Test
  @DisplayName("a uid without a user name is reported, since PostgreSQL would then be started as root")
  void uidWithoutNameIsRefused() {
    assertThat(UserNamespaces.problem(new Probe(0, "65534"), new Probe(1, "id: cannot find name for user ID 65534")))
        .hasValueSatisfying(message -> assertThat(message)
            .contains("`unshare -U id -un`")
            .contains("uid 65534")
            .contains("/etc/passwd"));
  }
}
