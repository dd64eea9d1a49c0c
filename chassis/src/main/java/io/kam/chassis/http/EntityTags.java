package io.kam.chassis.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Entity tags for reads (RFC 9110 8.8.3, 13.1.2): a weak tag over a representation's bytes, and the
 * weak comparison {@code If-None-Match} uses. Written once here so the services (through {@link
 * ConditionalReads}) and the gateway's composed views answer revalidations the same way.
 */
public final class EntityTags {

  private EntityTags() {}

  /**
   * {@code W/"<base64url of the first 16 bytes of SHA-256>"}: equal bodies give equal tags on every
   * instance; 128 bits make an accidental collision between two versions of one list negligible.
   */
  public static String weakOf(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "W/\""
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(java.util.Arrays.copyOf(digest, 16))
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  public static String weakOf(String body) {
    return weakOf(body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code If-None-Match} matches the current tag: {@code *} matches any current
   * representation, otherwise any listed tag whose opaque part equals the current one's (weak
   * comparison: {@code W/} is ignored on both sides). Null or blank never matches.
   */
  public static boolean noneMatchHits(String ifNoneMatch, String current) {
    if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
      return false;
    }
    String opaque = opaque(current);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || (!tag.isEmpty() && opaque(tag).equals(opaque))) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }
}
