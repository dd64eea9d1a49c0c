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
import java.util.Base64;

/**
 * The two RSA key pairs of a local or test deployment, as PEM files in one folder: {@code
 * client} signs the tokens a (development) identity provider would issue to users, {@code
 * internal} is the gateway's key for the short-lived credential it passes to the services.
 * Generated on first use and never committed.
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
      return new PlatformKeys(dir, loadOrCreate(dir, "client"), loadOrCreate(dir, "internal"));
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
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + kind + "-----\n" + b64 + "\n-----END " + kind + "-----\n");
  }
}
