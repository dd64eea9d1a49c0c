package io.kam.gateway.composite;

import io.kam.chassis.security.Roles;
import io.kam.gateway.edge.ProblemResponses;
import io.kam.gateway.routing.GatewayAuth;
import io.kam.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GET /api/v1/system/health: each service's readiness, version and outbox backlog, for ops; and its
 * events: per consumer group the lag per topic, parked events and the oldest's age, dead letters
 * not replayed, outbox backlog and oldest age (the service's /q/health/group/consumers).
 */
@Singleton
public class SystemHealthHandler {

  private static final List<String> READERS =
      List.of(Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN);

  private final GatewayAuth auth;
  private final Upstreams upstreams;
  private final String version;

  public SystemHealthHandler(
      GatewayAuth auth,
      Upstreams upstreams,
      @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
    this.auth = auth;
    this.upstreams = upstreams;
    this.version = version;
  }

  void install(@Observes Router router) {
    router
        .route(HttpMethod.GET, "/api/v1/system/health")
        .order(io.kam.gateway.routing.ServiceProxy.ORDER - 1)
        .handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    auth.admit(rc)
        .onFailure(
            err -> {
              io.kam.chassis.problem.ProblemException p =
                  (io.kam.chassis.problem.ProblemException) err;
              ProblemResponses.send(rc, p.status(), p.getMessage(), p.headers());
            })
        .onSuccess(
            caller -> {
              // Deny by default, as the services do: a valid token without any of the API's roles
              // reads nothing.
              if (caller.roles().stream().noneMatch(READERS::contains)) {
                ProblemResponses.send(
                    rc, 403, "this needs one of the roles " + String.join(", ", READERS));
                return;
              }
              List<String> names = List.copyOf(upstreams.names());
              List<Future<JsonObject>> checks = names.stream().map(n -> check(rc, n)).toList();
              Future.join(new ArrayList<>(checks))
                  .onComplete(
                      done -> {
                        JsonArray services = new JsonArray();
                        boolean allUp = true;
                        for (Future<JsonObject> f : checks) {
                          services.add(f.result());
                          allUp &= "UP".equals(f.result().getString("status"));
                        }
                        services.add(
                            new JsonObject()
                                .put("service", "gateway")
                                .put("status", "UP")
                                .put("version", version));
                        rc.response()
                            .putHeader("Content-Type", "application/json")
                            .end(
                                new JsonObject()
                                    .put("status", allUp ? "UP" : "DEGRADED")
                                    .put("services", services)
                                    .encode());
                      });
            });
  }

  private Future<JsonObject> check(RoutingContext rc, String service) {
    return upstreams
        .managementClient(service)
        .request(upstreams.options(service, HttpMethod.GET, "/q/health/ready", rc))
        .compose(req -> req.send())
        .compose(
            resp ->
                resp.body()
                    .map(
                        b -> {
                          JsonObject health = b.toJsonObject();
                          JsonObject result =
                              new JsonObject()
                                  .put("service", service)
                                  .put("status", health.getString("status"))
                                  .put("version", (Object) null);
                          for (Object c : health.getJsonArray("checks", new JsonArray())) {
                            JsonObject check = (JsonObject) c;
                            if ("Version".equals(check.getString("name"))
                                && check.getJsonObject("data") != null) {
                              result.put(
                                  "version",
                                  check
                                      .getJsonObject("data")
                                      .getString("version")); // the service's own build
                            }
                            if (check.getString("name", "").startsWith("Events")
                                && check.getJsonObject("data") != null) {
                              result.put(
                                  "outboxBacklog",
                                  check.getJsonObject("data").getValue("outboxBacklog"));
                              result.put(
                                  "outboxOldestAgeSeconds",
                                  check.getJsonObject("data").getValue("outboxOldestAgeSeconds"));
                              result.put("kafka", check.getJsonObject("data").getValue("kafka"));
                            }
                          }
                          return result;
                        }))
        .compose(
            result ->
                events(rc, service)
                    .map(events -> events == null ? result : result.put("events", events)))
        .otherwise(
            err ->
                new JsonObject()
                    .put("service", service)
                    .put("status", "DOWN")
                    .put("version", (Object) null));
  }

  /**
   * The service's consumer and outbox numbers, or null when it cannot say (older version, down).
   */
  private Future<JsonObject> events(RoutingContext rc, String service) {
    return upstreams
        .managementClient(service)
        .request(upstreams.options(service, HttpMethod.GET, "/q/health/group/consumers", rc))
        .compose(req -> req.send())
        .compose(
            resp ->
                resp.body()
                    .map(
                        b ->
                            resp.statusCode() == 200 ? ConsumerNumbers.of(b.toJsonObject()) : null))
        .otherwise((JsonObject) null);
  }
}
