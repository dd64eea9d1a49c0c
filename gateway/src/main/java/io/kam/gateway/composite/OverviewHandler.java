package io.kam.gateway.composite;

import io.kam.gateway.edge.ProblemResponses;
import io.kam.gateway.routing.Failures;
import io.kam.gateway.routing.GatewayAuth;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /api/v1/accounts/{id}/overview: the account, its score with breakdown, the KPIs of the last
 * complete quarter and the live (or draft) plan's summary, fetched in parallel with each service's
 * timeout. The account decides the status (404 stays 404); any other part that fails is null with a
 * warning, never a failed call.
 */
@Singleton
public class OverviewHandler {

  private static final Pattern PATH = Pattern.compile("/api/v1/accounts/([^/]+)/overview");

  private final GatewayAuth auth;
  private final Parts parts;

  public OverviewHandler(GatewayAuth auth, Parts parts) {
    this.auth = auth;
    this.parts = parts;
  }

  void install(@Observes Router router) {
    router
        .route(HttpMethod.GET, "/api/v1/accounts/:id/overview")
        .order(io.kam.gateway.routing.ServiceProxy.ORDER - 1)
        .handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    Matcher m = PATH.matcher(rc.request().path());
    if (!m.matches()) {
      rc.next();
      return;
    }
    String id = m.group(1);
    auth.admit(rc)
        .onFailure(err -> fail(rc, err))
        .onSuccess(
            caller -> {
              JsonArray warnings = new JsonArray();
              Future<Parts.Result> account =
                  parts.get(rc, "account", "/api/v1/accounts/" + id, caller);
              Future<Parts.Result> score =
                  parts.get(rc, "scoring", "/api/v1/accounts/" + id + "/score", caller);
              Future<Parts.Result> kpis =
                  parts.get(rc, "kpi", "/api/v1/accounts/" + id + "/kpis", caller);
              Future<Object> plan = parts.plan(rc, id, caller, warnings);
              Future.join(account, score, kpis, plan)
                  .onComplete(
                      done -> {
                        Parts.Result a = account.result();
                        if (a.status() == 0) {
                          // The account decides: without it there is no overview, and the status
                          // says why.
                          if (Failures.isTimeout(a.failure())) {
                            ProblemResponses.send(
                                rc, 504, "account-service did not answer in time");
                          } else {
                            ProblemResponses.send(
                                rc,
                                503,
                                "account-service is unavailable; retry later",
                                Map.of("Retry-After", "5"));
                          }
                          return;
                        }
                        if (a.status() != 200) {
                          if (a.body() == null) {
                            ProblemResponses.send(
                                rc, a.status(), "account-service answered " + a.status());
                          } else {
                            rc.response()
                                .setStatusCode(a.status())
                                .putHeader("Content-Type", "application/problem+json")
                                .end(a.body().encode());
                          }
                          return;
                        }
                        JsonObject body =
                            new JsonObject()
                                .put("account", a.body())
                                .put("score", score.result().orWarn("score", warnings))
                                .put("kpis", kpis.result().orWarn("kpis", warnings))
                                .put("plan", plan.result())
                                .put("warnings", warnings);
                        Answers.json(rc, body);
                      });
            });
  }

  private static void fail(RoutingContext rc, Throwable err) {
    if (err instanceof io.kam.chassis.problem.ProblemException p) {
      ProblemResponses.send(rc, p.status(), p.getMessage(), p.headers());
    } else {
      ProblemResponses.send(rc, 500, "the overview could not be built");
    }
  }
}
