package io.kam.gateway.webhook;

import io.kam.gateway.config.WebhookConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing secrets at rest with AES-256-GCM. A secret must stay usable to sign, so it
 * cannot be hashed like an API key; a copy of the database alone does not reveal it. Stored as
 * {@code v1:} + base64(12-byte IV || ciphertext and tag); the subscription id is the associated
 * data, so a secret copied onto another subscription does not decrypt.
 */
@Singleton
public class SecretBox {

  /** The development key of application.properties: never for production. */
  static final String DEV_KEY = "ZGV2LW9ubHkta2FtLXdlYmhvb2stc2VjcmV0LWtleSE=";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final SecretKeySpec key;

  public SecretBox(WebhookConfig config) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(config.secretKey().trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("kam.gateway.webhooks.secret-key is not base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException("kam.gateway.webhooks.secret-key must be 32 bytes (base64)");
    }
    if (DEV_KEY.equals(config.secretKey().trim()) && LaunchMode.current() == LaunchMode.NORMAL) {
      Log.warn(
          "webhook signing secrets are encrypted with the DEVELOPMENT key: set"
              + " KAM_WEBHOOK_SECRET_KEY (base64 of 32 random bytes) in production");
    }
    this.key = new SecretKeySpec(raw, "AES");
  }

  public String seal(String secret, String context) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] ct = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return "v1:"
          + Base64.getEncoder()
              .encodeToString(ByteBuffer.allocate(12 + ct.length).put(iv).put(ct).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt a webhook secret", e);
    }
  }

  public String open(String sealed, String context) {
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(3));
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("cannot decrypt a webhook secret (wrong key?)");
    }
  }
}
