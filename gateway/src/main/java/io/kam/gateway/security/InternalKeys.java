package io.kam.gateway.security;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The gateway's keys for the services' credential ({@code kam.keys.internal-private}, a list of PEM
 * files): the first signs, every one is published. Each key's id (kid) is its RFC 7638 thumbprint,
 * so every gateway instance with the same key names it alike and nothing is to be configured. A
 * rotation lists the new key after the old (published, not signing), then first (signing, the old
 * still published while credentials it signed live), then alone. The set is served as a JWKS on the
 * management port ({@code /q/jwks}), to give to the services.
 */
@Singleton
public class InternalKeys {

  private final PrivateKey signing;
  private final String signingKid;
  private final String keySet;

  public InternalKeys(@ConfigProperty(name = "kam.keys.internal-private") List<String> locations) {
    List<JsonWebKey> published = new ArrayList<>();
    PrivateKey first = null;
    String firstKid = null;
    for (String location : locations) {
      PrivateKey key = Keys.privateKey(location);
      try {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(Keys.publicKeyOf(key));
        String kid = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        published.add(jwk);
        if (first == null) {
          first = key;
          firstKid = kid;
        }
      } catch (JoseException e) {
        throw new IllegalStateException(
            "cannot describe the internal key " + location + " as a JWK", e);
      }
    }
    if (first == null) {
      throw new IllegalStateException("kam.keys.internal-private names no key");
    }
    this.signing = first;
    this.signingKid = firstKid;
    this.keySet = new JsonWebKeySet(published).toJson();
  }

  public PrivateKey signingKey() {
    return signing;
  }

  public String signingKid() {
    return signingKid;
  }

  /** The public keys as a JWKS document. */
  public String keySet() {
    return keySet;
  }

  void publish(@Observes ManagementInterface management) {
    Router router = management.router();
    router
        .get("/q/jwks")
        .handler(
            rc -> rc.response().putHeader("Content-Type", "application/jwk-set+json").end(keySet));
  }
}
