package io.kam.chassis.paging;

import com.fasterxml.jackson.core.type.TypeReference;
import io.kam.chassis.events.EventJson;
import io.kam.chassis.problem.ProblemException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opaque, tamper-evident cursors: the position (a small map of strings) as base64url JSON plus
 * an HMAC over it. A forged, garbled or foreign cursor is a 400, never a surprise page.
 */
@Singleton
public class Cursors {

  private static final Base64.Encoder ENC = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DEC = Base64.getUrlDecoder();
  private final byte[] secret;

  public Cursors(@ConfigProperty(name = "kam.cursor.secret", defaultValue = "kam-local-cursor-secret") String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String encode(Map<String, String> position) {
    byte[] body = EventJson.write(new LinkedHashMap<>(position)).getBytes(StandardCharsets.UTF_8);
    return ENC.encodeToString(body) + "." + ENC.encodeToString(mac(body));
  }

  /** The position in {@code cursor}, or empty map when the cursor is null or blank. */
  public Map<String, String> decode(String cursor) {
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
      if (!MessageDigest.isEqual(sig, mac(body))) {
        throw invalid();
      }
      return EventJson.MAPPER.readValue(body, new TypeReference<Map<String, String>>() {});
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid();
    }
  }

  private static ProblemException invalid() {
    return ProblemException.badRequest("cursor: not a cursor this API issued; start again without one");
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
