package io.kam.gateway.edge;

import io.kam.gateway.config.GatewayConfig;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is on the other end of a request. Forwarded, X-Forwarded-* and X-Real-IP are believed only
 * when the peer is a configured trusted proxy ({@code kam.gateway.trusted-proxies}): anyone else
 * could name any address and so dodge per-address limits or spoof the services' logs.
 */
@Singleton
public class ClientAddresses {

  private static final String KEY = "kam.client-address";
  private static final String FORWARDED_KEY = "kam.forwarded-for";
  private final List<Cidr> trusted;

  public ClientAddresses(GatewayConfig config) {
    this.trusted =
        config.trustedProxies().orElse(List.of()).stream()
            .filter(s -> !s.isBlank())
            .map(Cidr::parse)
            .toList();
  }

  /** The client's address: the peer's, or the nearest untrusted hop a trusted proxy names. */
  public String of(RoutingContext rc) {
    String known = rc.get(KEY);
    if (known != null) {
      return known;
    }
    String peer = peer(rc);
    String client = peer;
    List<String> chain = new ArrayList<>();
    if (isTrusted(peer)) {
      chain = validChain(rc.request().getHeader("X-Forwarded-For"));
      if (chain.isEmpty()) {
        String realIp = rc.request().getHeader("X-Real-IP");
        if (realIp != null && Cidr.literal(realIp.trim()) != null) {
          chain.add(realIp.trim());
        }
      }
      for (int i = chain.size() - 1; i >= 0; i--) {
        client = chain.get(i);
        if (!isTrusted(client)) {
          break;
        }
      }
    }
    chain.add(peer);
    rc.put(KEY, client);
    rc.put(FORWARDED_KEY, String.join(", ", chain));
    return client;
  }

  /**
   * X-Forwarded-For for the services: a list of valid addresses ending with this request's peer.
   */
  public String forwardedFor(RoutingContext rc) {
    of(rc);
    return rc.get(FORWARDED_KEY);
  }

  /** Whether the peer is a trusted proxy, whose forwarding headers may be passed on. */
  public boolean fromTrustedProxy(RoutingContext rc) {
    return isTrusted(peer(rc));
  }

  private boolean isTrusted(String address) {
    if (trusted.isEmpty()) {
      return false;
    }
    byte[] bytes = Cidr.literal(address);
    for (Cidr c : trusted) {
      if (c.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private static String peer(RoutingContext rc) {
    SocketAddress remote = rc.request().remoteAddress();
    String host = remote == null ? null : remote.hostAddress();
    return host == null ? "unknown" : host;
  }

  /**
   * The entries of an X-Forwarded-For that are IP literals; empty if any is not (a forged or broken
   * list).
   */
  private static List<String> validChain(String header) {
    List<String> out = new ArrayList<>();
    if (header == null || header.length() > 1024) {
      return out;
    }
    for (String part : header.split(",")) {
      String p = part.trim();
      if (Cidr.literal(p) == null) {
        return new ArrayList<>();
      }
      out.add(p);
    }
    return out;
  }
}
