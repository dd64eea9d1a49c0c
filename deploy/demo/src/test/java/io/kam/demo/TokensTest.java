package io.kam.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.platform.PlatformKeys;
import io.kam.platform.Tokens;
import java.time.Duration;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The loader's classpath (kam-platform without its PostgreSQL and Kafka) still mints tokens the
 * gateway would verify.
 */
class TokensTest {

  @Test
  void mintsAdminAndManagerTokensWithTheLocalClientKey() throws Exception {
    PlatformKeys keys = PlatformKeys.temporary();
    for (String role : new String[] {"admin", "kam-manager"}) {
      String token = Tokens.client(keys, "demo-loader", Duration.ofHours(4), role);
      JwtClaims claims =
          new JwtConsumerBuilder()
              .setVerificationKey(keys.client().getPublic())
              .setExpectedIssuer(Tokens.CLIENT_ISSUER)
              .setExpectedAudience(Tokens.CLIENT_AUDIENCE)
              .build()
              .processToClaims(token);
      assertEquals("demo-loader", claims.getSubject());
      assertEquals(java.util.List.of(role), claims.getStringListClaimValue("groups"));
    }
  }
}
