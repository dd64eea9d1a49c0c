package io.kam.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kam.demo.load.Payloads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for the gateway with the shapes of docs/api.md and the services' rules the
 * loader relies on: roles per endpoint, API keys shown once, sync ids, contacts synced by key with
 * their managers by key. Not the real services: the system test is the lead's.
 */
final class FakeGateway implements AutoCloseable {

  record Call(String method, String path, String role, String apiKey) {}

  private static final Pattern CONTACTS = Pattern.compile("/api/v1/accounts/([^/]+)/contacts");

  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  final Map<String, String> accountIds = new ConcurrentHashMap<>();
  final Map<String, List<ObjectNode>> contacts = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> contactsByKey = new ConcurrentHashMap<>();
  final Map<String, ObjectNode> apiKeys = new LinkedHashMap<>();
  final List<JsonNode> revenueItems = Collections.synchronizedList(new ArrayList<>());
  final List<JsonNode> surveyItems = Collections.synchronizedList(new ArrayList<>());
  volatile int failRevenueWith = 0;
  private final HttpServer server;

  FakeGateway() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getPath();
    String apiKey = x.getRequestHeaders().getFirst("X-API-Key");
    String role =
        apiKey != null
            ? (apiKeys.values().stream().anyMatch(k -> k.get("key").asText().equals(apiKey))
                ? "integration"
                : null)
            : bearerRole(x.getRequestHeaders().getFirst("Authorization"));
    calls.add(new Call(method, path, role, apiKey));
    JsonNode body = x.getRequestBody().available() >= 0 ? read(x) : null;
    if (role == null) {
      send(x, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
      return;
    }
    Matcher contact = CONTACTS.matcher(path);
    if (path.equals("/api/v1/me")) {
      send(x, 200, "{\"userId\":\"demo-loader\",\"roles\":[\"" + role + "\"],\"apiKeyName\":null}");
    } else if (path.equals("/api/v1/admin/kpi/clock") && role.equals("admin")) {
      send(x, 200, "{\"now\":\"2026-10-15T12:00:00Z\",\"fixed\":true}");
    } else if (path.equals("/api/v1/api-keys") && role.equals("admin")) {
      apiKeys(x, method, body);
    } else if (path.equals("/api/v1/sync/accounts") && role.equals("integration")) {
      ArrayNode results = Payloads.JSON.createArrayNode();
      for (JsonNode item : body.get("items")) {
        String ext = item.get("externalId").asText();
        boolean known = accountIds.containsKey(ext);
        String id = accountIds.computeIfAbsent(ext, e -> UUID.randomUUID().toString());
        results
            .addObject()
            .put("externalId", ext)
            .put("source", item.get("source").asText())
            .put("id", id)
            .put("status", known ? "UNCHANGED" : "CREATED")
            .putArray("errors");
      }
      send(x, 200, Payloads.JSON.createObjectNode().set("results", results).toString());
    } else if (path.equals("/api/v1/sync/contacts") && role.equals("integration")) {
      send(x, 200, syncContacts(body).toString());
    } else if ((path.equals("/api/v1/revenue-lines") || path.equals("/api/v1/survey-responses"))
        && role.equals("integration")) {
      if (path.endsWith("revenue-lines") && failRevenueWith > 0) {
        send(
            x,
            failRevenueWith,
            "{\"title\":\"Internal error\",\"status\":" + failRevenueWith + "}");
        return;
      }
      ArrayNode results = Payloads.JSON.createArrayNode();
      for (JsonNode item : body.get("items")) {
        (path.endsWith("revenue-lines") ? revenueItems : surveyItems).add(item);
        results
            .addObject()
            .put("source", item.get("source").asText())
            .put("externalId", item.get("externalId").asText())
            .put("status", "CREATED")
            .putArray("errors");
      }
      send(x, 200, Payloads.JSON.createObjectNode().set("results", results).toString());
    } else if (contact.matches() && method.equals("GET")) {
      ObjectNode page = Payloads.JSON.createObjectNode();
      page.putArray("items").addAll(contacts.getOrDefault(contact.group(1), List.of()));
      page.putNull("nextCursor");
      send(x, 200, page.toString());
    } else {
      send(
          x,
          403,
          "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\""
              + role
              + " may not "
              + method
              + " "
              + path
              + "\"}");
    }
  }

  /**
   * Contacts by the partner's key, under an account by its key, managers by key: the sync's rules.
   */
  private synchronized ObjectNode syncContacts(JsonNode body) {
    ArrayNode results = Payloads.JSON.createArrayNode();
    for (JsonNode item : body.get("items")) {
      String key = item.get("source").asText() + "|" + item.get("externalId").asText();
      ObjectNode r =
          results
              .addObject()
              .put("externalId", item.get("externalId").asText())
              .put("source", item.get("source").asText());
      String account = accountIds.get(item.path("accountExternalId").asText());
      ObjectNode known = contactsByKey.get(key);
      JsonNode boss = item.get("reportsToExternalId");
      ObjectNode manager =
          boss == null
              ? null
              : contactsByKey.get(item.get("source").asText() + "|" + boss.asText());
      if (account == null || (boss != null && manager == null)) {
        r.put("status", "REJECTED")
            .putArray("errors")
            .addObject()
            .put("field", account == null ? "accountExternalId" : "reportsToExternalId")
            .put("message", "unknown");
        continue;
      }
      if (known != null) {
        r.put("id", known.get("id").asText()).put("status", "UNCHANGED").putArray("errors");
        continue;
      }
      ObjectNode c = ((ObjectNode) item).deepCopy().put("id", UUID.randomUUID().toString());
      if (manager != null) {
        c.put("reportsToContactId", manager.get("id").asText());
      }
      contactsByKey.put(key, c);
      contacts
          .computeIfAbsent(account, a -> Collections.synchronizedList(new ArrayList<>()))
          .add(c);
      r.put("id", c.get("id").asText()).put("status", "CREATED").putArray("errors");
    }
    return Payloads.JSON.createObjectNode().set("results", results);
  }

  private void apiKeys(HttpExchange x, String method, JsonNode body) throws IOException {
    synchronized (apiKeys) {
      if (method.equals("GET")) {
        ArrayNode list = Payloads.JSON.createArrayNode();
        apiKeys.values().forEach(k -> list.add(k.deepCopy().without("key")));
        send(x, 200, list.toString());
        return;
      }
      String id = UUID.randomUUID().toString();
      ObjectNode issued =
          Payloads.JSON
              .createObjectNode()
              .put("id", id)
              .put("name", body.get("name").asText())
              .put("prefix", "kam_abcd")
              .put("createdAt", "2026-10-15T12:00:00Z")
              .put("key", "kam_abcd_" + id);
      issued.set("roles", body.get("roles"));
      apiKeys.put(id, issued);
      send(x, 201, issued.toString());
    }
  }

  /**
   * The first role of a bearer token's groups claim (the signature is the real gateway's business).
   */
  private static String bearerRole(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    try {
      String payload = authorization.substring(7).split("\\.")[1];
      JsonNode claims = Payloads.JSON.readTree(Base64.getUrlDecoder().decode(payload));
      return claims.path("groups").path(0).asText(null);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static JsonNode read(HttpExchange x) throws IOException {
    byte[] bytes = x.getRequestBody().readAllBytes();
    return bytes.length == 0 ? null : Payloads.JSON.readTree(bytes);
  }

  private static void send(HttpExchange x, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }
}
