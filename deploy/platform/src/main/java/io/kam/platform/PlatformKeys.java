package io.kam.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The two RSA key pairs of a local or test deployment, as PEM files in one folder: {@code client}
 * signs the tokens a (development) identity provider would issue to users, {@code internal} is the
 * gateway's key for the short-lived credential it passes to the services. Generated on first use
 * and never committed.
 */
public final class PlatformKeys {

  private final Path dir;
  private final KeyPair client;
  private final KeyPair internal;

  private PlatformKeys(Path dir, KeyPair client, KeyPair internal) {
    this.dir = dir;
    this.client = client;
    this.internal = internal;
  }

  /** Loads the key pairs kept in {@code dir}, generating and writing any that are missing. */
  public static PlatformKeys inDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
      KeyPair internal = loadOrCreate(dir, "internal");
      // Rewritten from the pair each time, so it always names the key the gateway signs with.
      Files.writeString(dir.resolve("internal-jwks.json"), keySet(internal.getPublic()));
      return new PlatformKeys(dir, loadOrCreate(dir, "client"), internal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PlatformKeys temporary() {
    try {
      Path dir = Files.createTempDirectory("kam-keys-");
      dir.toFile().deleteOnExit();
      return inDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public KeyPair client() {
    return client;
  }

  public KeyPair internal() {
    return internal;
  }

  public Path clientPublicKey() {
    return dir.resolve("client-public.pem");
  }

  public Path clientPrivateKey() {
    return dir.resolve("client-private.pem");
  }

  public Path internalPublicKey() {
    return dir.resolve("internal-public.pem");
  }

  public Path internalPrivateKey() {
    return dir.resolve("internal-private.pem");
  }

  /**
   * What the services verify the gateway's credential with: a JWKS of the gateway's public keys,
   * each under its kid (the RFC 7638 thumbprint the gateway signs with). Here one key; in a
   * rotation the set lists the old and the new key while both are in use.
   */
  public Path internalKeySet() {
    return dir.resolve("internal-jwks.json");
  }

  /**
   * The key id of a public key: its RFC 7638 thumbprint (SHA-256, base64url), as the gateway
   * computes it.
   */
  public static String keyId(PublicKey key) {
    try {
      return PublicJsonWebKey.Factory.newPublicJwk(key)
          .calculateBase64urlEncodedThumbprint("SHA-256");
    } catch (JoseException e) {
      throw new IllegalStateException("cannot compute the key id", e);
    }
  }

  /** A JWKS of these public keys, each with its kid, for RS256 signatures. */
  public static String keySet(PublicKey... keys) {
    try {
      List<JsonWebKey> jwks = new ArrayList<>();
      for (PublicKey key : keys) {
        PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
        jwk.setKeyId(keyId(key));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        jwks.add(jwk);
      }
      return new JsonWebKeySet(jwks).toJson();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot write a key set", e);
    }
  }

  private static KeyPair loadOrCreate(Path dir, String name) throws IOException {
    Path pub = dir.resolve(name + "-public.pem");
    Path priv = dir.resolve(name + "-private.pem");
    try {
      KeyFactory kf = KeyFactory.getInstance("RSA");
      if (Files.exists(pub) && Files.exists(priv)) {
        PublicKey publicKey = kf.generatePublic(new X509EncodedKeySpec(readPem(pub)));
        PrivateKey privateKey = kf.generatePrivate(new PKCS8EncodedKeySpec(readPem(priv)));
        return new KeyPair(publicKey, privateKey);
      }
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      KeyPair pair = gen.generateKeyPair();
      writePem(pub, "PUBLIC KEY", pair.getPublic().getEncoded());
      writePem(priv, "PRIVATE KEY", pair.getPrivate().getEncoded());
      priv.toFile().setReadable(false, false);
      priv.toFile().setReadable(true, true);
      return pair;
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("cannot load or create the " + name + " key pair", e);
    }
  }

  private static byte[] readPem(Path file) throws IOException {
    String body =
        Files.readString(file, StandardCharsets.US_ASCII)
            .replaceAll("-----[A-Z ]+-----", "")
            .replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static void writePem(Path file, String kind, byte[] der) throws IOException {
    String b64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + kind + "-----\n" + b64 + "\n-----END " + kind + "-----\n");
  }
}
