package io.chorus.events.webhooks;

import io.chorus.contracts.ChorusError;
import io.chorus.contracts.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Keeps webhooks from reaching into Chorus's own network (SSRF): a target host is resolved and
 * every address it resolves to must be public, that is not loopback, private, link-local,
 * multicast, carrier-grade NAT, unique-local or unspecified, unless configured as allowed. The
 * sender connects to the address checked here, so a name that resolves differently a moment
 * later (DNS rebinding) cannot redirect it.
 */
public final class TargetGuard {
  private static final List<Cidr> NOT_PUBLIC = List.of(
      Cidr.parse("0.0.0.0/8"), Cidr.parse("100.64.0.0/10"), Cidr.parse("192.0.0.0/24"),
      Cidr.parse("198.18.0.0/15"), Cidr.parse("240.0.0.0/4"), Cidr.parse("fc00::/7"));

  private final Vertx vertx;
  private final List<Cidr> allowed;

  private TargetGuard(Vertx vertx, List<Cidr> allowed) {
    this.vertx = vertx;
    this.allowed = allowed;
  }

  /**
   * A guard that lets through, besides public addresses, those in {@code allowedTargets}.
   *
   * @throws IllegalArgumentException naming an entry that is neither an address nor a CIDR range
   */
  public static TargetGuard create(Vertx vertx, List<String> allowedTargets) {
    return new TargetGuard(vertx, allowedTargets.stream().map(Cidr::parse).toList());
  }

  /**
   * The address to connect to for {@code host}; fails with INVALID_REQUEST when the host does not
   * resolve or any of its addresses is refused.
   */
  public Future<InetAddress> resolve(String host) {
    return vertx.<InetAddress[]>executeBlocking(() -> InetAddress.getAllByName(host), false)
        .recover(failure -> Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST,
            "host " + host + " does not resolve"
                + (failure instanceof UnknownHostException ? "" : ": " + failure.getMessage())).exception()))
        .compose(addresses -> {
          for (InetAddress address : addresses) {
            if (!permitted(address)) {
              return Future.failedFuture(ChorusError.of(ErrorCode.INVALID_REQUEST, "host " + host
                  + " resolves to " + address.getHostAddress() + ", which is not a public address").exception());
            }
          }
          return Future.succeededFuture(addresses[0]);
        });
  }

  /** Whether webhooks may be sent to this address. */
  public boolean permitted(InetAddress address) {
    if (allowed.stream().anyMatch(range -> range.contains(address))) {
      return true;
    }
    return !(address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isMulticastAddress() || address.isAnyLocalAddress()
        || NOT_PUBLIC.stream().anyMatch(range -> range.contains(address)));
  }

  /** An address range: an address and how many leading bits of it count. */
  record Cidr(byte[] network, int prefixBits) {

    static Cidr parse(String text) {
      String trimmed = text.trim();
      int slash = trimmed.indexOf('/');
      String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
      if (!host.matches("[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range");
      }
      try {
        byte[] network = InetAddress.getByName(host).getAddress();
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        if (bits < 0 || bits > network.length * 8) {
          throw new IllegalArgumentException("'" + text + "' has a prefix length out of range");
        }
        return new Cidr(network, bits);
      } catch (UnknownHostException | NumberFormatException malformed) {
        throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range", malformed);
      }
    }

    boolean contains(InetAddress address) {
      byte[] candidate = address.getAddress();
      if (candidate.length != network.length) {
        return false;
      }
      int whole = prefixBits / 8;
      for (int i = 0; i < whole; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (candidate[whole] & mask) == (network[whole] & mask);
    }
  }
}
