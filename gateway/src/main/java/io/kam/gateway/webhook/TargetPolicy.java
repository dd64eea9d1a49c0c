package io.kam.gateway.webhook;

import io.kam.gateway.config.WebhookConfig;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where webhooks may go (SSRF): https only unless {@code allow-http}; no user info; and unless
 * {@code allow-private-targets}, every address the host resolves to must be public (not loopback,
 * private, link-local, unique-local, CGNAT, multicast or unspecified). Checked when a subscription
 * is written and again before every send, so a name that later resolves inward (DNS rebinding) is
 * refused then. The JDK caches a lookup (networkaddress.cache.ttl, 30 s), and the HTTP client
 * resolves through the same cache right after the check, so both see the same addresses.
 */
@Singleton
public class TargetPolicy {

  private final WebhookConfig config;

  public TargetPolicy(WebhookConfig config) {
    this.config = config;
  }

  /** Why the URL's form is refused, or empty; no lookup. */
  public Optional<String> formProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
      return Optional.of(config.allowHttp() ? "must be http or https" : "must be https");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("has no host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not contain user info");
    }
    if (uri.getRawFragment() != null) {
      return Optional.of("must not contain a fragment");
    }
    return Optional.empty();
  }

  /** Why the target is refused now (form, then the addresses its host resolves to), or empty. */
  public Optional<String> problem(String url) {
    Optional<String> form = formProblem(url);
    if (form.isPresent() || config.allowPrivateTargets()) {
      return form;
    }
    String host = URI.create(url).getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return Optional.of("its host does not resolve");
    }
    for (InetAddress a : addresses) {
      if (!isPublic(a)) {
        return Optional.of("resolves to a private, loopback or link-local address");
      }
    }
    return Optional.empty();
  }

  static boolean isPublic(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      boolean mapped = true; // ::ffff:a.b.c.d, judged as the IPv4 address it carries
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (java.net.UnknownHostException e) {
          return false;
        }
      }
      return true;
    }
    int o0 = b[0] & 0xff;
    int o1 = b[1] & 0xff;
    return o0 != 0 // 0.0.0.0/8
        && !(o0 == 100 && o1 >= 64 && o1 < 128) // 100.64.0.0/10 carrier-grade NAT
        && !(o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
        && !(o0 == 198 && (o1 == 18 || o1 == 19)) // 198.18.0.0/15 benchmarking
        && o0 < 240; // 240.0.0.0/4 reserved and broadcast
  }
}
