package io.kam.gateway.composite;

import io.kam.gateway.routing.UpstreamGuards;
import io.kam.gateway.routing.Upstreams;
import io.kam.gateway.security.CallerIdentity;
import io.kam.gateway.security.InternalCredentials;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/** Fetches one part of a composite view from its service; never fails, it reports instead. */
@Singleton
public class Parts {

  /**
   * A part's outcome: status 0 means the service could not be reached or was too slow ({@code
   * failure} says which).
   */
  public record Result(String service, int status, JsonObject body, Throwable failure) {
    Object orWarn(String part, JsonArray warnings) {
      if (status == 200) {
        return body;
      }
      warnings.add(
          new JsonObject()
              .put("part", part)
              .put("service", service)
              .put(
                  "detail",
                  status == 0
                      ? service + "-service did not answer in time or is unavailable"
                      : service + "-service answered " + status));
      return null;
    }
  }

  private final Upstreams upstreams;
  private final UpstreamGuards guards;
  private final InternalCredentials credentials;

  public Parts(Upstreams upstreams, UpstreamGuards guards, InternalCredentials credentials) {
    this.upstreams = upstreams;
    this.guards = guards;
    this.credentials = credentials;
  }

  /**
   * One GET for the caller, with its credential for that service, through the service's circuit
   * breaker (and its retries of refused connections).
   */
  public Future<Result> get(RoutingContext rc, String service, String uri, CallerIdentity caller) {
    return credentials
        .headerFor(caller, service)
        .compose(credential -> get(rc, service, uri, credential))
        .otherwise(err -> new Result(service, 0, null, err));
  }

  private Future<Result> get(RoutingContext rc, String service, String uri, String credential) {
    RequestOptions options =
        upstreams.options(service, HttpMethod.GET, uri, rc).putHeader("Authorization", credential);
    Context context = Vertx.currentContext();
    Future<HttpClientResponse> response =
        Future.fromCompletionStage(
            guards.call(
                service,
                () ->
                    upstreams
                        .client(service)
                        .request(options)
                        .compose(req -> req.send())
                        .map(
                            r -> {
                              r.pause(); // the guard hands it over asynchronously: keep the body
                              // until it is read
                              return r;
                            })
                        .toCompletionStage()),
            context);
    return response
        .compose(
            resp -> {
              Future<io.vertx.core.buffer.Buffer> body = resp.body();
              resp.resume();
              return body.map(
                  b -> {
                    JsonObject json = null;
                    try {
                      json = b.length() == 0 ? null : b.toJsonObject();
                    } catch (RuntimeException e) {
                      json = null;
                    }
                    return new Result(service, resp.statusCode(), json, null);
                  });
            })
        .otherwise(err -> new Result(service, 0, null, err));
  }

  /**
   * The live plan (else the draft) of the account, summarized: status, next review, objectives'
   * progress and overdue actions. Null with a warning when planning fails; null alone when the
   * account has no plan.
   */
  public Future<Object> plan(
      RoutingContext rc, String accountId, CallerIdentity caller, JsonArray warnings) {
    return get(rc, "planning", "/api/v1/plans?accountId=" + accountId + "&limit=50", caller)
        .compose(
            list -> {
              if (list.status() != 200 || list.body() == null) {
                return Future.succeededFuture(list.orWarn("plan", warnings));
              }
              JsonObject chosen = choose(list.body().getJsonArray("items", new JsonArray()));
              if (chosen == null) {
                return Future.succeededFuture(null);
              }
              return get(rc, "planning", "/api/v1/plans/" + chosen.getString("id"), caller)
                  .map(
                      full -> {
                        if (full.status() != 200 || full.body() == null) {
                          return full.orWarn("plan", warnings);
                        }
                        return summarize(full.body());
                      });
            });
  }

  private static JsonObject choose(JsonArray plans) {
    JsonObject draft = null;
    for (Object o : plans) {
      JsonObject p = (JsonObject) o;
      String status = p.getString("status");
      if ("ACTIVE".equals(status) || "UNDER_REVIEW".equals(status)) {
        return p;
      }
      if ("DRAFT".equals(status)) {
        draft = p;
      }
    }
    return draft;
  }

  static JsonObject summarize(JsonObject plan) {
    JsonArray objectives = new JsonArray();
    for (Object o : plan.getJsonArray("objectives", new JsonArray())) {
      JsonObject obj = (JsonObject) o;
      objectives.add(
          new JsonObject()
              .put("id", obj.getValue("id"))
              .put("title", obj.getValue("title"))
              .put("status", obj.getValue("status"))
              .put("progress", obj.getValue("progress")));
    }
    JsonArray overdue = new JsonArray();
    for (Object o : plan.getJsonArray("actions", new JsonArray())) {
      JsonObject a = (JsonObject) o;
      if (Boolean.TRUE.equals(a.getBoolean("overdue"))) {
        overdue.add(
            new JsonObject()
                .put("id", a.getValue("id"))
                .put("title", a.getValue("title"))
                .put("dueDate", a.getValue("dueDate"))
                .put("ownerId", a.getValue("ownerId")));
      }
    }
    return new JsonObject()
        .put("id", plan.getValue("id"))
        .put("title", plan.getValue("title"))
        .put("status", plan.getValue("status"))
        .put("nextReviewAt", plan.getValue("nextReviewAt"))
        .put("objectives", objectives)
        .put("overdueActions", overdue);
  }
}
