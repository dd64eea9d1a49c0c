package io.kam.demo.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The loader's integration API key. The gateway shows a key's secret only once, so the secret is
 * kept next to the local keys ({@code keysDir/demo-loader-api-key.json}, owner-only); a later run
 * reuses it when {@code GET /api/v1/api-keys} still lists it unrevoked, and creates a new one
 * ({@code demo-loader-<timestamp>}, role integration) otherwise.
 */
public record IntegrationKey(
    String id, String name, String key, Instant createdAt, boolean reused) {

  public static final String FILE = "demo-loader-api-key.json";

  public static IntegrationKey obtain(
      Gateway gateway, Gateway.Credentials admin, Path keysDir, Instant machineNow)
      throws Gateway.UnreachableException, InterruptedException, IOException, LoadException {
    Path file = keysDir.resolve(FILE);
    if (Files.isRegularFile(file)) {
      JsonNode saved = Payloads.JSON.readTree(file.toFile());
      String id = saved.path("id").asText(null);
      if (id != null && saved.hasNonNull("key") && listedAndLive(gateway, admin, id)) {
        return new IntegrationKey(
            id, saved.path("name").asText(), saved.get("key").asText(), null, true);
      }
    }
    String name =
        "demo-loader-"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(machineNow.atZone(ZoneOffset.UTC));
    ObjectNode body = Payloads.JSON.createObjectNode().put("name", name);
    body.putArray("roles").add("integration");
    Gateway.Reply reply =
        gateway.call(
            "POST",
            "/api/v1/api-keys",
            admin,
            body,
            Gateway.idempotencyKey("api-key", body),
            Gateway.DEFAULT_ATTEMPTS);
    JsonNode issued = reply.json();
    if (reply.status() != 201 || !issued.hasNonNull("key") || !issued.hasNonNull("id")) {
      throw new LoadException(
          "cannot create the integration API key " + name + ": " + reply.problem());
    }
    IntegrationKey created =
        new IntegrationKey(
            issued.get("id").asText(),
            issued.path("name").asText(name),
            issued.get("key").asText(),
            issued.hasNonNull("createdAt") ? Instant.parse(issued.get("createdAt").asText()) : null,
            false);
    save(file, created);
    return created;
  }

  private static boolean listedAndLive(Gateway gateway, Gateway.Credentials admin, String id)
      throws Gateway.UnreachableException, InterruptedException, LoadException {
    Gateway.Reply reply = gateway.get("/api/v1/api-keys", admin);
    if (!reply.ok()) {
      throw new LoadException("cannot list the API keys: " + reply.problem());
    }
    JsonNode list = reply.json();
    JsonNode items =
        list.isArray() ? list : list.path("items"); // docs/api.md's list shape, or a bare array
    for (JsonNode k : items) {
      if (id.equals(k.path("id").asText()) && !k.hasNonNull("revokedAt")) {
        return true;
      }
    }
    return false;
  }

  private static void save(Path file, IntegrationKey key) throws IOException {
    ObjectNode n =
        Payloads.JSON
            .createObjectNode()
            .put("id", key.id())
            .put("name", key.name())
            .put("key", key.key());
    Path tmp = file.resolveSibling(FILE + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(
          tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(tmp);
    }
    Files.writeString(tmp, Payloads.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n));
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
