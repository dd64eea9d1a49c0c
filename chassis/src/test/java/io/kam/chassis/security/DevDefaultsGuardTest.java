package io.kam.chassis.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prod profile's refusal of development defaults, over configurations built in the test. */
class DevDefaultsGuardTest {

  /** The committed defaults of the chassis and the gateway, with no environment variable set. */
  static Map<String, String> committedDefaults() {
    Map<String, String> p = new HashMap<>();
    p.put("quarkus.datasource.username", "${KAM_DB_USER:postgres}");
    p.put("quarkus.datasource.password", "${KAM_DB_PASSWORD:postgres}");
    p.put(
        "kam.keys.internal-public", "${KAM_KEYS_INTERNAL_PUBLIC:/etc/kam/keys/internal-jwks.json}");
    p.put("mp.jwt.verify.issuer", "${KAM_JWT_ISSUER:https://kam.local/dev-idp}");
    p.put(
        "kam.gateway.webhooks.secret-key",
        "${KAM_WEBHOOK_SECRET_KEY:ZGV2LW9ubHkta2FtLXdlYmhvb2stc2VjcmV0LWtleSE=}");
    p.put("kafka.bootstrap.servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:19092}");
    return p;
  }

  /** What a production deployment sets: its own secrets and logins. */
  static Map<String, String> production() {
    Map<String, String> p = committedDefaults();
    p.put("KAM_DB_USER", "account");
    p.put("KAM_DB_PASSWORD", "Zq8v1tW3p0sL2mXc");
    p.put("KAM_CURSOR_SECRET", "k4Jc9n2HqP0vX7sT3mW8yB1zR6eL5aUd");
    p.put("KAM_JWT_ISSUER", "https://idp.example.com/realms/kam");
    p.put("KAM_WEBHOOK_SECRET_KEY", "q9V3mZ7tX2cB8nL4kP1sR6wY0eH5jA3dF7gU2iO9lQ4=");
    return p;
  }

  /** Upper-case keys are environment variables (mapped to properties as in a real process). */
  static DevDefaultsGuard guard(Map<String, String> properties) {
    Map<String, String> files = new HashMap<>();
    Map<String, String> environment = new HashMap<>();
    properties.forEach(
        (k, v) -> (k.equals(k.toUpperCase(Locale.ROOT)) ? environment : files).put(k, v));
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            .withSources(new PropertiesConfigSource(files, "application.properties", 250))
            .withSources(new EnvConfigSource(environment, 300))
            .build();
    return new DevDefaultsGuard(config);
  }

  @Test
  void namesEverySettingStillAtItsDevelopmentDefaultWithItsVariable() {
    List<String> found = DevDefaultsGuard.offending(guard(committedDefaults()).settings());

    assertEquals(
        List.of(
            "kam.cursor.secret (KAM_CURSOR_SECRET): not set, the built-in development secret would"
                + " sign cursors",
            "kam.gateway.webhooks.secret-key (KAM_WEBHOOK_SECRET_KEY): a development default",
            "mp.jwt.verify.issuer (KAM_JWT_ISSUER): the development identity provider",
            "quarkus.datasource.password (KAM_DB_PASSWORD): a development default",
            "quarkus.datasource.username (KAM_DB_USER): the development login postgres (a"
                + " superuser)"),
        found);
  }

  @Test
  void refusesToStartInProdAndSaysWhichSettingIsMissingButNeverItsValue() {
    Map<String, String> p = production();
    p.put("KAM_DB_PASSWORD", "change-me");

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> guard(p).check(true));

    assertTrue(
        e.getMessage().contains("quarkus.datasource.password (KAM_DB_PASSWORD)"), e.getMessage());
    assertFalse(e.getMessage().contains("change-me"), "the value is never shown");
    assertFalse(e.getMessage().contains("kam.cursor.secret"), e.getMessage());
  }

  @Test
  void startsInProdWhenEverySecretIsSet() {
    assertEquals(List.of(), DevDefaultsGuard.offending(guard(production()).settings()));
    assertDoesNotThrow(() -> guard(production()).check(true));
  }

  @Test
  void checksNothingOutsideTheProdProfile() {
    assertDoesNotThrow(() -> guard(committedDefaults()).check(false));
  }

  @Test
  void onlyWarnsWhenDevelopmentDefaultsAreExplicitlyAllowed() {
    Map<String, String> p = committedDefaults();
    p.put("kam.allow-dev-defaults", "${KAM_ALLOW_DEV_DEFAULTS:false}");
    assertThrows(IllegalStateException.class, () -> guard(p).check(true));

    p.put("KAM_ALLOW_DEV_DEFAULTS", "true");
    assertDoesNotThrow(() -> guard(p).check(true));
  }

  @Test
  void recognisesTheLocalRunsKeysAndPlaceholderSecretsAsDevelopmentValues() {
    Map<String, String> p = production();
    p.put("KAM_KEYS_INTERNAL_PUBLIC", "/home/me/kam/.kam/data/keys/internal-jwks.json");
    p.put("KAM_CURSOR_SECRET", "kam-local-cursor-secret");
    p.put("kam.gateway.webhooks.secret-key", "Y2hhbmdlLW1lLXBsZWFzZQ=="); // "change-me-please"

    List<String> found = DevDefaultsGuard.offending(guard(p).settings());

    assertEquals(3, found.size(), found.toString());
    assertTrue(found.get(0).startsWith("kam.cursor.secret (KAM_CURSOR_SECRET)"), found.toString());
    assertTrue(found.get(1).startsWith("kam.gateway.webhooks.secret-key"), found.toString());
    assertTrue(found.get(2).startsWith("kam.keys.internal-public (KAM_KEYS_INTERNAL_PUBLIC)"));
  }

  @Test
  void aSecretNamingAMissingSettingIsLeftToTheProcessesOwnStartError() {
    Map<String, String> p = production();
    p.put("kam.partner.secret", "${KAM_PARTNER_SECRET}");

    assertEquals(List.of(), DevDefaultsGuard.offending(guard(p).settings()));
  }
}
