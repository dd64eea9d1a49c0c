package io.kam.chassis.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.chassis.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Idempotency-Key for creating POSTs and bulk endpoints, safe across instances and crashes: the
 * same key with the same body replays the first response, with another body is 422, while the first
 * is still running 409. The action and the stored response commit in ONE transaction, so a crash
 * leaves either both or neither; a claim left by a dead process is taken over by a retry once its
 * lease ({@code kam.idempotency.lease}, 60 s) has run out. Keys expire after {@code
 * kam.idempotency.ttl} (24 hours) and are then removed by {@link IdempotencyHousekeeping}. Call it
 * outside a transaction: the action runs in a new one (services' transactional methods join it).
 */
@Singleton
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";
  private final IdempotencyClaims claims;
  private final ObjectMapper json;

  public Idempotency(IdempotencyClaims claims, ObjectMapper json) {
    this.claims = claims;
    this.json = json;
  }

  /**
   * Runs {@code action} once per (scope, key); {@code scope} names the caller and the operation.
   */
  public Response run(String key, String scope, Object request, Supplier<Response> action) {
    return run(key, scope, request, action, Set.of());
  }

  /**
   * Like {@link #run(String, String, Object, Supplier)}, but the top-level body members named in
   * {@code secrets} are never stored: a replay answers them as {@code null} (a secret is shown
   * once).
   */
  public Response run(
      String key, String scope, Object request, Supplier<Response> action, Set<String> secrets) {
    if (key == null || key.isBlank()) {
      return action.get();
    }
    if (key.length() > 200) {
      throw ProblemException.badRequest("Idempotency-Key: at most 200 characters");
    }
    IdempotencyClaims.Claim claim = claims.claim(scope, key, fingerprint(scope, request));
    if (claim.replay() != null) {
      return claim.replay();
    }
    UUID token = claim.token();
    try {
      return QuarkusTransaction.requiringNew()
          .call(
              () -> {
                Response response = action.get();
                claims.complete(scope, key, token, stored(response, secrets));
                return response;
              });
    } catch (RuntimeException e) {
      // Nothing was changed (the transaction rolled back): the key is free for a retry.
      claims.release(scope, key, token);
      throw e;
    }
  }

  private IdempotencyClaims.Stored stored(Response response, Set<String> secrets) {
    Object entity = response.getEntity();
    String body;
    try {
      if (entity == null) {
        body = null;
      } else if (secrets.isEmpty()) {
        body = entity instanceof String s ? s : json.writeValueAsString(entity);
      } else {
        JsonNode tree = entity instanceof String s ? json.readTree(s) : json.valueToTree(entity);
        if (tree instanceof ObjectNode object) {
          secrets.forEach(object::putNull);
        }
        body = json.writeValueAsString(tree);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("idempotent response could not be stored", e);
    }
    Object etag = response.getHeaders().getFirst("ETag");
    return new IdempotencyClaims.Stored(
        response.getStatus(),
        response.getMediaType() == null ? "application/json" : response.getMediaType().toString(),
        body,
        response.getLocation() == null ? null : response.getLocation().toString(),
        etag == null ? null : etag.toString());
  }

  /** What makes two requests "the same": the scope and the request body as JSON. */
  String fingerprint(String scope, Object request) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(scope.getBytes(StandardCharsets.UTF_8));
      md.update(json.writeValueAsBytes(request));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
