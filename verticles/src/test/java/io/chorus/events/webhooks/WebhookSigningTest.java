package io.chorus.events.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Signing partner webhooks and guarding their targets")
class WebhookSigningTest {
  private static final Vertx VERTX = Vertx.vertx();
  private final WebhookSigner signer = WebhookSigner.create();

  @AfterAll
  static void closeVertx() {
    VERTX.close();
  }

  @Test
  @DisplayName("signatures match the Standard Webhooks reference example")
  void matchesReferenceVector() {
    String signature = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8), List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  @DisplayName("during a rotation one signature per secret is sent, space-separated, the current one first")
  void signsWithEverySecret() {
    String current = signer.newSecret();
    String previous = signer.newSecret();
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String both = signer.sign("evt_1", 1700000000, body, List.of(current, previous));
    assertThat(both.split(" ")).containsExactly(
        signer.sign("evt_1", 1700000000, body, List.of(current)),
        signer.sign("evt_1", 1700000000, body, List.of(previous)));
    assertThat(current).startsWith("whsec_").isNotEqualTo(previous);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
      "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "::1", "fe80::1", "fd00::1",
      "ff02::1", "::ffff:10.0.0.1"})
  @DisplayName("private, loopback, link-local, multicast and unspecified addresses are refused")
  void refusesInternalAddresses(String address) throws Exception {
    TargetGuard guard = TargetGuard.create(VERTX, List.of());
    assertThat(guard.permitted(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888"})
  @DisplayName("public addresses are permitted")
  void permitsPublicAddresses(String address) throws Exception {
    TargetGuard guard = TargetGuard.create(VERTX, List.of());
    assertThat(guard.permitted(InetAddress.getByName(address))).isTrue();
  }

  @Test
  @DisplayName("addresses and ranges listed in allowedTargets are permitted although private")
  void allowsConfiguredRanges() throws Exception {
    TargetGuard guard = TargetGuard.create(VERTX, List.of("127.0.0.1", "10.20.0.0/16"));
    assertThat(guard.permitted(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(guard.permitted(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(guard.permitted(InetAddress.getByName("10.20.30.40"))).isTrue();
    assertThat(guard.permitted(InetAddress.getByName("10.21.0.1"))).isFalse();
    assertThatThrownBy(() -> TargetGuard.create(VERTX, List.of("intranet.local")))
        .hasMessageContaining("intranet.local");
  }
}
