package io.kam.gateway.routing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The headers the proxy never passes on as they came: hop-by-hop, credentials and framing. */
final class ProxyHeaders {

  /**
   * Who-is-the-client headers: passed on only from a trusted proxy; X-Forwarded-For is always the
   * gateway's own.
   */
  static final Set<String> FORWARDING = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  /** Case-insensitive without lower-casing (allocating) every header name of every request. */
  static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    HOP_BY_HOP.addAll(
        List.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "host",
            "authorization",
            "x-api-key",
            "content-length"));
    FORWARDING.addAll(
        List.of(
            "forwarded",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "x-forwarded-port",
            "x-forwarded-prefix",
            "x-forwarded-server",
            "x-real-ip"));
  }

  private ProxyHeaders() {}
}
