package io.kam.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a PKCS#8 PEM private key once per path. */
final class Keys {

  private static final Map<String, PrivateKey> LOADED = new ConcurrentHashMap<>();

  private Keys() {}

  static PrivateKey privateKey(String location) {
    return LOADED.computeIfAbsent(location, Keys::load);
  }

  private static PrivateKey load(String location) {
    try {
      String pem = Files.readString(Path.of(location.replaceFirst("^file:", "")));
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gateway's internal signing key " + location, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the gateway's internal signing key is not an RSA PKCS#8 key", e);
    }
  }
}
