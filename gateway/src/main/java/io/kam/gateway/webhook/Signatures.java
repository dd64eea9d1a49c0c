package io.kam.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks scheme (standardwebhooks.com): a secret is {@code whsec_} + base64 of
 * random bytes; the signature is {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body}
 * keyed with the secret's decoded bytes; several signatures (during a rotation) are
 * space-separated.
 */
public final class Signatures {

  public static final String PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Signatures() {}

  /** 32 random bytes (Standard Webhooks asks for 24 to 64). */
  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return PREFIX + Base64.getEncoder().encodeToString(b);
  }

  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(b64), "HmacSHA256"));
      byte[] sig =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code webhook-signature} header: one {@code v1,...} per secret, space-separated. */
  public static String header(List<String> secrets, String id, long timestamp, String body) {
    return secrets.stream().map(s -> sign(s, id, timestamp, body)).collect(Collectors.joining(" "));
  }
}
