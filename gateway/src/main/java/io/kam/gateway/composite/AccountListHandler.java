package io.kam.gateway.composite;

import io.kam.gateway.edge.ProblemResponses;
import io.kam.gateway.routing.AccessLog;
import io.kam.gateway.routing.GatewayAuth;
import io.kam.gateway.routing.ServiceProxy;
import io.kam.gateway.security.CallerIdentity;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GET /api/v1/accounts?include=score,kpis[&period=...]: one list page with each account's score and
 * KPIs. The page is account-service's own answer to the same request (every filter, sort, cursor
 * and limit, the caller's identity), then scoring's and kpi's batch reads for the page's ids run in
 * parallel through their circuit breakers and timeouts. A failing part is null with a warning,
 * never a failed call; the account list decides the status. Without {@code include} the request is
 * not touched here: the proxy serves it as before.
 */
@Singleton
public class AccountListHandler {

  private static final String PATH = "/api/v1/accounts";

  private final GatewayAuth auth;
  private final Parts parts;

  public AccountListHandler(GatewayAuth auth, Parts parts) {
    this.auth = auth;
    this.parts = parts;
  }

  void install(@Observes Router router) {
    router.route(HttpMethod.GET, PATH).order(ServiceProxy.ORDER - 1).handler(this::handle);
    router.route(HttpMethod.HEAD, PATH).order(ServiceProxy.ORDER - 1).handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    String query = rc.request().query();
    // The plain list stays on the proxy's path at the cost of one substring search.
    if (query == null || !query.contains("include=") || !PATH.equals(rc.request().path())) {
      rc.next();
      return;
    }
    if (!asksForParts(rc)) {
      rc.next(); // "include=" was part of another value, or the query is not decodable
      return;
    }
    rc.put(AccessLog.ROUTE_KEY, "gateway");
    // Authenticated (and counted against the caller's limit) before anything is read of the query.
    auth.admit(rc)
        .onFailure(err -> Answers.failed(rc, err, "the account list could not be built"))
        .onSuccess(
            caller -> {
              Set<String> include = parts(rc);
              if (include != null) {
                compose(rc, caller, include, query);
              }
            });
  }

  /**
   * Whether the query has an {@code include} parameter; a query that does not decode (a stray
   * {@code %}) is left to the proxy and account-service, as without {@code include}.
   */
  private static boolean asksForParts(RoutingContext rc) {
    try {
      return !rc.queryParam("include").isEmpty();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The parts asked for; null when one is unknown (then a 400 has been sent). */
  private static Set<String> parts(RoutingContext rc) {
    Set<String> include = new LinkedHashSet<>();
    for (String value : rc.queryParam("include")) {
      for (String part : value.split(",", -1)) {
        String p = part.trim();
        if (!AccountListComposition.PARTS.contains(p)) {
          ProblemResponses.send(
              rc,
              400,
              "include: '"
                  + (p.length() > 40 ? p.substring(0, 40) + "..." : p)
                  + "' is not a part of an account list item; use score, kpis or both,"
                  + " comma-separated");
          return null;
        }
        include.add(p);
      }
    }
    return include;
  }

  private void compose(
      RoutingContext rc, CallerIdentity caller, Set<String> include, String query) {
    String period = rc.request().getParam("period");
    parts
        .get(rc, "account", PATH + withoutOwnParameters(query), caller)
        .onSuccess(
            page -> {
              if (page.status() != 200 || page.body() == null) {
                Answers.upstreamFailed(rc, page);
                return;
              }
              List<String> ids = AccountListComposition.ids(page.body());
              Future<Parts.Result> scores =
                  include.contains("score") && !ids.isEmpty()
                      ? parts.get(rc, "scoring", "/api/v1/scores" + batch(ids, null), caller)
                      : Future.succeededFuture(null);
              Future<Parts.Result> kpis =
                  include.contains("kpis") && !ids.isEmpty()
                      ? parts.get(rc, "kpi", "/api/v1/kpis" + batch(ids, period), caller)
                      : Future.succeededFuture(null);
              Future.join(scores, kpis)
                  .onComplete(
                      done -> {
                        Parts.Result k = kpis.result();
                        if (k != null && k.status() == 400 && k.body() != null) {
                          // The period is the caller's: kpi-service's refusal of it is theirs.
                          Answers.relayProblem(rc, k);
                          return;
                        }
                        Answers.json(
                            rc,
                            AccountListComposition.compose(
                                page.body(), include, scores.result(), k));
                      });
            });
  }

  /**
   * The client's query without the gateway's own parameters (account-service has no use for them).
   */
  static String withoutOwnParameters(String query) {
    StringBuilder kept = new StringBuilder();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      try {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // not one of ours: kept as it came
      }
      if (pair.isEmpty() || name.equals("include") || name.equals("period")) {
        continue;
      }
      kept.append(kept.length() == 0 ? "?" : "&").append(pair);
    }
    return kept.toString();
  }

  /** The batch read of a page: every id once, as many as the page has (at most 500). */
  static String batch(List<String> ids, String period) {
    StringBuilder uri = new StringBuilder("?accountIds=");
    for (int i = 0; i < ids.size(); i++) {
      uri.append(i == 0 ? "" : ",").append(URLEncoder.encode(ids.get(i), StandardCharsets.UTF_8));
    }
    uri.append("&limit=").append(ids.size());
    if (period != null) {
      uri.append("&period=").append(URLEncoder.encode(period, StandardCharsets.UTF_8));
    }
    return uri.toString();
  }
}
