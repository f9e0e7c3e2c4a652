package io.chorus.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a host or URL is on this machine: 127.0.0.0/8, ::1 or localhost, decided without DNS. */
final class Loopback {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("^127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$");

  private Loopback() {
  }

  static boolean host(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.toLowerCase(Locale.ROOT).equals("localhost") || IPV4_LOOPBACK.matcher(bare).matches()) {
      return true;
    }
    if (!bare.contains(":")) {
      return false;
    }
    try {
      // An IPv6 literal: parsed, never looked up.
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException notALiteral) {
      return false;
    }
  }

  static boolean url(String url) {
    try {
      return url != null && host(new URI(url).getHost());
    } catch (URISyntaxException malformed) {
      return false;
    }
  }
}
