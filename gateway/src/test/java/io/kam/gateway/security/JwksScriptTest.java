package io.kam.gateway.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.platform.PlatformKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

/** deploy/keys/jwks.sh, which operators give the services, names each key as the gateway does. */
class JwksScriptTest {

  @Test
  void theScriptsKeySetEqualsTheGatewaysForPrivateAndPublicPems() throws Exception {
    PlatformKeys one = PlatformKeys.temporary();
    PlatformKeys two = PlatformKeys.temporary();
    Process p =
        new ProcessBuilder(
                "bash",
                Path.of("..", "deploy", "keys", "jwks.sh").toString(),
                one.internalPrivateKey().toString(),
                two.internalPublicKey().toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals(0, p.exitValue(), out);
    List<JsonWebKey> script = new JsonWebKeySet(out).getJsonWebKeys();
    InternalKeys gateway =
        new InternalKeys(
            List.of(one.internalPrivateKey().toString(), two.internalPrivateKey().toString()));
    List<JsonWebKey> expected = new JsonWebKeySet(gateway.keySet()).getJsonWebKeys();
    assertEquals(expected.size(), script.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).getKeyId(), script.get(i).getKeyId());
      assertEquals(expected.get(i).getKey(), script.get(i).getKey());
      assertEquals("RS256", script.get(i).getAlgorithm());
    }
  }
}
