package io.kam.gateway.config;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Links clients follow (Location) name the gateway: {@code kam.gateway.public-base-url} when set,
 * else the scheme and host the request came in on; never a service's internal address.
 */
@Singleton
public class PublicUrls {

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
  private final String configured;

  public PublicUrls(GatewayConfig config) {
    this.configured =
        config
            .publicBaseUrl()
            .map(u -> u.replaceAll("/+$", ""))
            .filter(u -> !u.isBlank())
            .orElse(null);
  }

  /**
   * The public base URL for this request, without a trailing slash ("" if the request named no
   * usable host).
   */
  public String base(RoutingContext rc) {
    return base(rc.request().scheme(), rc.request().getHeader("Host"));
  }

  /** The same for a request that came in with this scheme and Host header. */
  public String base(String scheme, String host) {
    if (configured != null) {
      return configured;
    }
    return host != null && HOST.matcher(host).matches() ? scheme + "://" + host : "";
  }

  /**
   * The same resource under the gateway: an absolute or relative location keeps its path and query
   * only.
   */
  public String rebase(RoutingContext rc, String location) {
    try {
      URI uri = URI.create(location.trim());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (!path.startsWith("/")) {
        return location; // relative to the current path: already under the gateway
      }
      return base(rc) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (IllegalArgumentException e) {
      return location;
    }
  }
}
