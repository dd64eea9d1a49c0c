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

  private static final int PREFIX_HEX = 12;
  private static final int SECRET_HEX = 48;
  private static final int FORMAT_LENGTH = 4 + PREFIX_HEX + 1 + SECRET_HEX;

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

  /**
   * Exactly {@code kam_} + 12 lower-case hex + {@code _} + 48 lower-case hex; anything else is
   * null, unlooked-up.
   */
  static Parsed parse(String presented) {
    if (presented == null
        || presented.length() != FORMAT_LENGTH
        || !presented.startsWith("kam_")
        || presented.charAt(4 + PREFIX_HEX) != '_') {
      return null;
    }
    String prefix = presented.substring(4, 4 + PREFIX_HEX);
    String secret = presented.substring(5 + PREFIX_HEX);
    return isHex(prefix) && isHex(secret) ? new Parsed(prefix, secret) : null;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static String hash(String secret) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(
        hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HEX.formatHex(b);
  }
}
