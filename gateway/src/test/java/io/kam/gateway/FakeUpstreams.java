package io.kam.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the services so the proxy can be tested on its own (the system tests use the real
 * ones): account and kpi echo what they received, planning hangs, scoring's port is closed.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

  private Vertx vertx;
  private final List<HttpServer> servers = new ArrayList<>();

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    Map<String, String> config = new HashMap<>();
    // Each stand-in serves its health on the same port, so it is its own management URL too.
    upstream(config, "account", "http://localhost:" + echo("account"));
    upstream(config, "kpi", "http://localhost:" + echo("kpi"));
    upstream(config, "planning", "http://localhost:" + hanging());
    config.put("kam.gateway.services.planning.timeout", "1s");
    upstream(config, "scoring", "http://localhost:" + closedPort());
    config.put("kam.gateway.rate-limit.per-role.viewer", "5");
    // Tests speak from 127.0.0.1 (a client) and 127.0.0.2 (a trusted proxy in front of the
    // gateway).
    config.put("kam.gateway.trusted-proxies", "127.0.0.2/32");
    config.put("kam.gateway.rate-limit.auth-failures-per-minute", "200");
    config.put("kam.gateway.services.account.timeout", "3s");
    return config;
  }

  private static void upstream(Map<String, String> config, String service, String url) {
    config.put("kam.gateway.services." + service + ".url", url);
    config.put("kam.gateway.services." + service + ".management-url", url);
  }

  private int echo(String name) {
    java.util.concurrent.atomic.AtomicInteger openApiFetches =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicReference<String> openApiAuthorization =
        new java.util.concurrent.atomic.AtomicReference<>();
    return listen(
        vertx
            .createHttpServer()
            .requestHandler(
                req -> {
                  if (req.path().equals("/q/openapi")) {
                    openApiFetches.incrementAndGet();
                    openApiAuthorization.set(req.getHeader("Authorization"));
                  }
                  if (req.path().equals("/fake/openapi-fetches")) {
                    // For tests: how often the gateway fetched this service's description, and with
                    // what.
                    req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(
                            new JsonObject()
                                .put("count", openApiFetches.get())
                                .put("authorization", openApiAuthorization.get())
                                .encode());
                    return;
                  }
                  if (req.path().equals("/q/health/ready")) {
                    req.response()
                        .putHeader("Content-Type", "application/json")
                        .end(
                            new JsonObject()
                                .put("status", "UP")
                                .put(
                                    "checks",
                                    new io.vertx.core.json.JsonArray()
                                        .add(
                                            new JsonObject()
                                                .put("name", "Version")
                                                .put("status", "UP")
                                                .put(
                                                    "data",
                                                    new JsonObject()
                                                        .put("version", name + "-9.9"))))
                                .encode());
                    return;
                  }
                  if (req.path().contains("/slow-")) {
                    return; // never answers: the gateway's timeout decides
                  }
                  if (req.path().contains("/drop-")) {
                    req.connection().close();
                    return;
                  }
                  if (req.path().endsWith("/too-large")) {
                    req.response()
                        .setStatusCode(413)
                        .end(); // what an HTTP server's own body limit answers
                    return;
                  }
                  if (req.path().endsWith("/created")) {
                    // What a service does: an absolute Location with its own (internal) address.
                    req.response()
                        .setStatusCode(201)
                        .putHeader(
                            "Location",
                            "http://localhost:"
                                + req.localAddress().port()
                                + "/api/v1/accounts/new-1?x=1")
                        .end();
                    return;
                  }
                  if (listPage(name, req)) {
                    return;
                  }
                  req.body()
                      .onSuccess(
                          body -> {
                            JsonObject headers = new JsonObject();
                            req.headers()
                                .forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                            if (req.path().endsWith("/large")) {
                              // Bigger than what the gateway buffers: streamed through in chunks.
                              req.response().setChunked(true);
                              for (int i = 0; i < 64; i++) {
                                req.response().write("x".repeat(4096));
                              }
                              req.response().end();
                              return;
                            }
                            req.response()
                                .putHeader("Content-Type", "application/json")
                                .setStatusCode(req.path().endsWith("/missing") ? 404 : 200)
                                .end(
                                    new JsonObject()
                                        .put("service", name)
                                        .put("method", req.method().name())
                                        .put("uri", req.uri())
                                        .put("headers", headers)
                                        .put("body", body.toString())
                                        .encode());
                          });
                }));
  }

  /**
   * For the composed account list: account answers a page of the ids in {@code fakeIds} (echoing
   * the query it got as each item's {@code query}); kpi answers its batch read with one item per id
   * not starting with {@code none-}, and a problem for {@code period=bad}.
   */
  private static boolean listPage(String name, io.vertx.core.http.HttpServerRequest req) {
    io.vertx.core.json.JsonArray items = new io.vertx.core.json.JsonArray();
    if (name.equals("account")
        && req.path().equals("/api/v1/accounts")
        && req.getParam("fakeIds") != null) {
      for (String id : req.getParam("fakeIds").split(",")) {
        items.add(
            new JsonObject().put("id", id).put("name", "Account " + id).put("query", req.query()));
      }
      req.response()
          .putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("items", items).put("nextCursor", "next-1").encode());
      return true;
    }
    if (name.equals("kpi") && req.path().equals("/api/v1/kpis")) {
      if ("bad".equals(req.getParam("period"))) {
        req.response()
            .setStatusCode(400)
            .putHeader("Content-Type", "application/problem+json")
            .end(
                new JsonObject().put("status", 400).put("detail", "period: not a period").encode());
        return true;
      }
      for (String id : req.getParam("accountIds").split(",")) {
        if (!id.startsWith("none-")) {
          items.add(
              new JsonObject()
                  .put("accountId", id)
                  .put("period", req.getParam("period"))
                  .put("limit", req.getParam("limit")));
        }
      }
      req.response()
          .putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("items", items).encode());
      return true;
    }
    return false;
  }

  /** Accepts connections and never answers. */
  private int hanging() {
    return listen(vertx.createHttpServer().requestHandler(req -> {}));
  }

  private int listen(HttpServer server) {
    try {
      servers.add(server);
      return server
          .listen(0)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS)
          .actualPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx.close();
    }
  }
}
