package io.kam.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The explicit route table of API.md: most specific first, because several services own paths
 * under /api/v1/accounts/{id}/... . {@link #GATEWAY} marks paths the gateway serves itself.
 */
public final class RouteTable {

  public static final String GATEWAY = "gateway";

  record Route(Pattern pattern, String service) {}

  private static final String ID = "[^/]+";

  private static final List<Route> ROUTES =
      List.of(
          route("/api/v1/accounts/" + ID + "/overview", GATEWAY),
          route("/api/v1/accounts/" + ID + "/score(/.*)?", "scoring"),
          route("/api/v1/accounts/" + ID + "/designation", "scoring"),
          route("/api/v1/accounts/" + ID + "/kpis(/.*)?", "kpi"),
          route("/api/v1/accounts(/.*)?", "account"),
          route("/api/v1/sync/accounts(/.*)?", "account"),
          route("/api/v1/revenue-lines(/.*)?", "kpi"),
          route("/api/v1/survey-responses(/.*)?", "kpi"),
          route("/api/v1/portfolio(/.*)?", "kpi"),
          route("/api/v1/scores(/.*)?", "scoring"),
          route("/api/v1/scoring-models(/.*)?", "scoring"),
          route("/api/v1/plans(/.*)?", "planning"),
          route("/api/v1/actions(/.*)?", "planning"),
          route("/api/v1/admin/account/.*", "account"),
          route("/api/v1/admin/scoring/.*", "scoring"),
          route("/api/v1/admin/kpi/.*", "kpi"),
          route("/api/v1/admin/planning/.*", "planning"),
          route("/api/v1/me", GATEWAY),
          route("/api/v1/api-keys(/.*)?", GATEWAY),
          route("/api/v1/system/.*", GATEWAY),
          route("/api/v1/admin/gateway/.*", GATEWAY));

  private RouteTable() {}

  private static Route route(String regex, String service) {
    return new Route(Pattern.compile(regex), service);
  }

  /** The owner of a path, or empty when no service serves it. */
  public static Optional<String> ownerOf(String path) {
    for (Route r : ROUTES) {
      if (r.pattern().matcher(path).matches()) {
        return Optional.of(r.service());
      }
    }
    return Optional.empty();
  }

  /** Every service the table routes to (without the gateway itself). */
  public static List<String> services() {
    return ROUTES.stream().map(Route::service).filter(s -> !GATEWAY.equals(s)).distinct().toList();
  }
}
