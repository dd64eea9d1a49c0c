package io.kam.chassis.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kam.chassis.messaging.EventJson;
import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque, tamper-evident cursors: the position (a small map of strings) as base64url JSON plus an
 * HMAC over it and the list's scope. The scope names the endpoint and every filter and sort of the
 * request that issued the cursor ({@link #scope}); it is signed but not sent, so a cursor is only
 * valid for the list and filters that issued it. A forged, garbled or foreign cursor, or one
 * replayed on another list or with other filters, is a 400, never a surprise page.
 */
@Singleton
public class Cursors {

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private final byte[] secret;

  public Cursors(
      @ConfigProperty(name = "kam.cursor.secret", defaultValue = "kam-local-cursor-secret")
          String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The scope of a list request: the endpoint and its filters as name/value pairs (null and blank
   * values are left out, so an absent filter and an empty one are the same list).
   */
  public static String scope(String endpoint, String... filters) {
    if (filters.length % 2 != 0) {
      throw new IllegalArgumentException("filters are name/value pairs");
    }
    TreeMap<String, String> named = new TreeMap<>();
    for (int i = 0; i < filters.length; i += 2) {
      String value = filters[i + 1];
      if (value != null && !value.isBlank()) {
        named.put(filters[i], value.trim());
      }
    }
    StringBuilder sb = new StringBuilder(endpoint);
    named.forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
    return sb.toString();
  }

  /** A cursor for {@code position} in the list {@code scope} (see {@link #scope}). */
  public String encode(String scope, Map<String, String> position) {
    byte[] body = EventJson.write(new LinkedHashMap<>(position)).getBytes(StandardCharsets.UTF_8);
    return ENC.encodeToString(body) + "." + ENC.encodeToString(mac(scope, body));
  }

  /**
   * The position in {@code cursor}, or an empty map when the cursor is null or blank; a 400 when it
   * was not issued by this API for the same {@code scope}.
   */
  public Map<String, String> decode(String scope, String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return Map.of();
    }
    try {
      int dot = cursor.indexOf('.');
      if (dot < 1) {
        throw invalid();
      }
      byte[] body = DEC.decode(cursor.substring(0, dot));
      byte[] sig = DEC.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(sig, mac(scope, body))) {
        throw invalid();
      }
      return EventJson.MAPPER.readValue(body, new TypeReference<Map<String, String>>() {});
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return new ProblemException(
        400,
        "Bad request",
        "cursor: not a cursor this list issued for these filters and this sort; start again without one",
        List.of(
            new Problem.FieldError(
                "cursor", "not issued by this list for these filters and this sort")),
        Map.of());
  }

  private byte[] mac(String scope, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(scope.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
