package io.kam.chassis.security;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Loads the verification keys (mp.jwt.verify.publickey.location: a JWKS file or URL) at startup.
 * The JWT parser reads them on its first use; without this, that is the first request's, on an
 * event loop, so a file read (or a JWKS download) would block it. A token no key can verify does
 * it.
 */
@Singleton
public class VerificationKeysWarmup {

  void onStart(@Observes StartupEvent start, JWTParser parser) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String token =
        b64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"warm-up\"}"
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString("{\"sub\":\"warm-up\"}".getBytes(StandardCharsets.UTF_8))
            + ".AAAA";
    try {
      parser.parse(token);
    } catch (ParseException | RuntimeException expected) {
      // Refused, as it must be: what counts is that the key set was read on the way.
      Log.debugf("verification keys loaded (warm-up token refused: %s)", expected.getMessage());
    }
  }
}
