package io.kam.gateway.routing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The explicit route table of API.md: most specific first, because several services own paths under
 * /api/v1/accounts/{id}/... . {@link #GATEWAY} marks paths the gateway serves itself.
 */
public final class RouteTable {

  public static final String GATEWAY = "gateway";

  /**
   * {@code prefix}: the literal start of the pattern, checked first so most routes cost no regex.
   */
  record Route(Pattern pattern, String prefix, String service) {}

  // Possessive: an id never contains '/', so giving characters back can never help a match, and
  // backtracking through a long id for every more specific route cost a regex step per character.
  private static final String ID = "[^/]++";

  private static final List<Route> ROUTES =
      List.of(
          route("/api/v1/accounts/" + ID + "/overview", GATEWAY),
          route("/api/v1/accounts/" + ID + "/score(/.*)?", "scoring"),
          route("/api/v1/accounts/" + ID + "/designation", "scoring"),
          route("/api/v1/accounts/" + ID + "/kpis(/.*)?", "kpi"),
          route("/api/v1/accounts(/.*)?", "account"),
          route("/api/v1/sync/accounts(/.*)?", "account"),
          route("/api/v1/sync/contacts(/.*)?", "account"),
          route("/api/v1/revenue-lines(/.*)?", "kpi"),
          route("/api/v1/survey-responses(/.*)?", "kpi"),
          route("/api/v1/portfolio/summary(/.*)?", "scoring"),
          route("/api/v1/portfolio(/.*)?", "kpi"),
          route("/api/v1/kpis", "kpi"),
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
    int literal = 0;
    while (literal < regex.length() && "[(.*+?{|^$\\".indexOf(regex.charAt(literal)) < 0) {
      literal++;
    }
    return new Route(Pattern.compile(regex), regex.substring(0, literal), service);
  }

  /** The owner of a path, or empty when no service serves it. */
  public static Optional<String> ownerOf(String path) {
    for (Route r : ROUTES) {
      if (path.startsWith(r.prefix()) && r.pattern().matcher(path).matches()) {
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
