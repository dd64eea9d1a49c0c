package io.kam.gateway.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API key format {@code kam_<prefix>_<secret>}: the prefix finds the key, only a SHA-256 of the
 * secret is stored. The secret has 192 random bits, so a fast hash is enough (no dictionary to
 * defend against), and it keeps authentication cheap.
 */
final class ApiKeySecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  record Parsed(String prefix, String secret) {}

  private ApiKeySecrets() {}

  static String newPrefix() {
    return randomHex(6);
  }

  static String newSecret() {
    return randomHex(24);
  }

  static String format(String prefix, String secret) {
    return "kam_" + prefix + "_" + secret;
  }

  static Parsed parse(String presented) {
    if (presented == null || !presented.startsWith("kam_")) {
      return null;
    }
    int split = presented.indexOf('_', 4);
    if (split < 0 || split == presented.length() - 1) {
      return null;
    }
    return new Parsed(presented.substring(4, split), presented.substring(split + 1));
  }

  static String hash(String secret) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HEX.formatHex(b);
  }
}
