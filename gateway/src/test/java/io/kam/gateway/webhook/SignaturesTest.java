package io.kam.gateway.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  @Test
  void signsTheStandardWebhooksTestVector() {
    // The reference vector of the Standard Webhooks libraries.
    assertEquals(
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        Signatures.sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            "{\"test\": 2432232314}"));
  }

  @Test
  void aNewSecretIsWhsecAndBase64OfThirtyTwoRandomBytes() {
    String secret = Signatures.newSecret();
    assertTrue(secret.startsWith("whsec_"));
    assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
    assertTrue(!secret.equals(Signatures.newSecret()));
  }

  @Test
  void twoSecretsGiveTwoSpaceSeparatedSignatures() {
    String a = Signatures.newSecret();
    String b = Signatures.newSecret();
    String header = Signatures.header(List.of(a, b), "id-1", 1700000000, "{}");
    assertEquals(
        Signatures.sign(a, "id-1", 1700000000, "{}")
            + " "
            + Signatures.sign(b, "id-1", 1700000000, "{}"),
        header);
  }
}
