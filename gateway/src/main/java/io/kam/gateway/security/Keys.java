package io.kam.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Reads a PKCS#8 PEM RSA private key, and the public key it contains. */
final class Keys {

  private Keys() {}

  static PrivateKey privateKey(String location) {
    try {
      String pem = Files.readString(Path.of(location.trim().replaceFirst("^file:", "")));
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the gateway's internal signing key " + location, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the gateway's internal signing key " + location + " is not an RSA PKCS#8 key", e);
    }
  }

  /**
   * A PKCS#8 RSA key carries its modulus and public exponent: the public half needs no file of its
   * own.
   */
  static PublicKey publicKeyOf(PrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      throw new IllegalStateException(
          "the gateway's internal signing key has no public half (not an RSA CRT key)");
    }
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot derive the public key of the gateway's internal signing key", e);
    }
  }
}
