package io.kam.gateway.composite;

import io.kam.chassis.http.ConsistencyToken;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Roles;
import io.kam.gateway.edge.ProblemResponses;
import io.kam.gateway.routing.GatewayAuth;
import io.kam.gateway.routing.Upstreams;
import io.kam.gateway.security.CallerIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * GET /api/v1/consistency?write=&wait=: read-your-writes across services. The token is the {@code
 * KAM-Consistency-Token} a write answered; the gateway asks every service whether it has applied
 * the events the token names (its inbox positions, /api/v1/internal/consistency) and answers {@code
 * consistent: true} once every consumer has. With {@code wait} (up to 30 s) it asks again every 250
 * ms until then, and answers what holds at the end (never an error for "not yet").
 */
@Singleton
public class ConsistencyHandler {

  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  private static final long POLL_MS = 250;
  private static final List<String> READERS =
      List.of(Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN);

  private final GatewayAuth auth;
  private final Upstreams upstreams;
  private final Parts parts;
  private final Vertx vertx;

  public ConsistencyHandler(GatewayAuth auth, Upstreams upstreams, Parts parts, Vertx vertx) {
    this.auth = auth;
    this.upstreams = upstreams;
    this.parts = parts;
    this.vertx = vertx;
  }

  void install(@Observes Router router) {
    router
        .route(HttpMethod.GET, "/api/v1/consistency")
        .order(io.kam.gateway.routing.ServiceProxy.ORDER - 1)
        .handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    // Who asks comes first (401, 403), what is asked after (400): deny by default, as everywhere.
    auth.admit(rc)
        .onFailure(
            err -> {
              if (err instanceof ProblemException p) {
                ProblemResponses.send(rc, p.status(), p.getMessage(), p.headers());
              } else {
                ProblemResponses.send(rc, 500, "consistency could not be checked");
              }
            })
        .onSuccess(
            caller -> {
              if (caller.roles().stream().noneMatch(READERS::contains)) {
                ProblemResponses.send(
                    rc, 403, "this needs one of the roles " + String.join(", ", READERS));
                return;
              }
              String token = rc.request().getParam("write");
              long waitMs;
              try {
                ConsistencyToken.decode(token);
                waitMs = waitOf(rc.request().getParam("wait"));
              } catch (ProblemException p) {
                ProblemResponses.send(rc, p.status(), p.getMessage(), p.headers());
                return;
              }
              ask(rc, token, caller, System.nanoTime() + waitMs * 1_000_000);
            });
  }

  private void ask(RoutingContext rc, String token, CallerIdentity caller, long deadline) {
    List<String> names = List.copyOf(upstreams.names());
    String uri =
        "/api/v1/internal/consistency?write=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    List<Future<Parts.Result>> answers =
        names.stream().map(n -> parts.get(rc, n, uri, caller)).toList();
    Future.join(new ArrayList<>(answers))
        .onComplete(
            done -> {
              JsonArray services = new JsonArray();
              boolean consistent = true;
              for (Future<Parts.Result> f : answers) {
                Parts.Result r = f.result();
                JsonObject s = new JsonObject().put("service", r.service());
                if (r.status() == 200 && r.body() != null) {
                  s.put("consumes", r.body().getBoolean("consumes"))
                      .put("applied", r.body().getBoolean("applied"))
                      .put("behind", r.body().getJsonArray("behind", new JsonArray()));
                  consistent &= Boolean.TRUE.equals(r.body().getBoolean("applied"));
                } else {
                  s.put("applied", false)
                      .put(
                          "detail",
                          r.status() == 0
                              ? r.service() + "-service did not answer in time or is unavailable"
                              : r.service() + "-service answered " + r.status());
                  consistent = false;
                }
                services.add(s);
              }
              if (!consistent && System.nanoTime() < deadline && !rc.response().closed()) {
                vertx.setTimer(POLL_MS, t -> ask(rc, token, caller, deadline));
                return;
              }
              rc.response()
                  .putHeader("Content-Type", "application/json")
                  .end(
                      new JsonObject()
                          .put("consistent", consistent)
                          .put("services", services)
                          .encode());
            });
  }

  /** {@code wait}: 5s, 500ms, PT5S or whole seconds; absent is 0 (answer at once); at most 30 s. */
  static long waitOf(String raw) {
    if (raw == null || raw.isBlank()) {
      return 0;
    }
    String v = raw.trim().toLowerCase(Locale.ROOT);
    try {
      long ms;
      if (v.endsWith("ms")) {
        ms = Long.parseLong(v.substring(0, v.length() - 2));
      } else if (v.endsWith("s") && !v.startsWith("pt")) {
        ms = Long.parseLong(v.substring(0, v.length() - 1)) * 1000;
      } else if (v.startsWith("pt")) {
        ms = Duration.parse(raw.trim()).toMillis();
      } else {
        ms = Long.parseLong(v) * 1000;
      }
      if (ms >= 0 && ms <= MAX_WAIT.toMillis()) {
        return ms;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      // answered below
    }
    throw new ProblemException(
        400,
        "Bad request",
        "wait: a duration from 0 to 30s, e.g. 5s or 500ms",
        List.of(
            new io.kam.chassis.problem.Problem.FieldError(
                "wait", "a duration from 0 to 30s, e.g. 5s or 500ms")),
        java.util.Map.of());
  }
}
