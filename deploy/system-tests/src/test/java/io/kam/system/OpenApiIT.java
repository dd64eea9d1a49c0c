package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's one document is merged from the running services: nothing may be missing. */
class OpenApiIT {

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  private static String merged() {
    return given()
        .accept("application/json")
        .get(sut.gatewayUrl() + "/q/openapi")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void everyServicePathAndMethodIsInTheMergedDocument() throws Exception {
    Map<String, Map<String, Object>> mergedPaths = JsonPath.from(merged()).getMap("paths");
    List<String> missing = new ArrayList<>();
    for (String s : List.of("account", "scoring", "kpi", "planning")) {
      Map<String, Map<String, Object>> own =
          JsonPath.from(
                  given()
                      .accept("application/json")
                      .header("Authorization", "Bearer " + sut.internalToken("kam-gateway"))
                      .get(sut.service(s).url() + "/q/openapi")
                      .asString())
              .getMap("paths");
      own.forEach(
          (path, item) -> {
            if (!path.startsWith("/api/")) {
              return;
            }
            for (String method : item.keySet()) {
              if (!mergedPaths.containsKey(path) || !mergedPaths.get(path).containsKey(method)) {
                missing.add(s + ": " + method.toUpperCase() + " " + path);
              }
            }
          });
    }
    assertTrue(missing.isEmpty(), "missing from the gateway's document: " + missing);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "openapi.json"), merged());
  }

  @Test
  void theMergedDocumentIsValidOpenApi() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(merged(), null, null);
    assertTrue(
        result.getMessages() == null || result.getMessages().isEmpty(),
        "parser messages: " + result.getMessages());
    assertTrue(result.getOpenAPI().getPaths().size() > 20, "expected the whole API");
  }

  /**
   * No bare objects: every 2xx JSON response resolves, all the way down, to typed schemas (see
   * {@link BareSchemas}), so a generated client types every field a frontend reads.
   */
  @Test
  void everySuccessfulResponseIsTypedAllTheWayDown() throws Exception {
    List<String> offenders =
        BareSchemas.in(new com.fasterxml.jackson.databind.ObjectMapper().readTree(merged()));
    offenders.forEach(o -> System.out.println("untyped: " + o));
    assertTrue(
        offenders.isEmpty(),
        offenders.size() + " untyped response schemas:\n" + String.join("\n", offenders));
  }

  /**
   * deploy/openapi/lint.sh: Spectral's OpenAPI and OWASP API Security rulesets, no error allowed.
   */
  @Test
  void theMergedDocumentPassesTheSpectralOwaspLint() throws Exception {
    Path root = Path.of(System.getProperty("kam.repo.root", "../.."));
    Path doc = Path.of("target", "openapi-lint.json").toAbsolutePath();
    Files.createDirectories(doc.getParent());
    Files.writeString(doc, merged());
    Process lint =
        new ProcessBuilder(
                "bash", root.resolve("deploy/openapi/lint.sh").toString(), doc.toString())
            .redirectErrorStream(true)
            .start();
    String out =
        new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int status = lint.waitFor();
    java.util.regex.Matcher summary =
        java.util.regex.Pattern.compile("spectral: \\d+ errors, \\d+ warnings").matcher(out);
    System.out.println(summary.find() ? summary.group() : out);
    assertTrue(status == 0, "Spectral reports errors (needs Node.js and npm):\n" + out);
  }
}
