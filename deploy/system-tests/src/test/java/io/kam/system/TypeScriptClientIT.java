package io.kam.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The merged OpenAPI document is good enough for a frontend: openapi-typescript (pinned in
 * src/test/typescript/package.json) generates its types, and tsc type-checks sample.ts, a few calls
 * a frontend makes, against them. A response field renamed or dropped, or a response left untyped,
 * fails here. Needs Node.js and npm; the packages are installed into target/, never into the source
 * tree.
 */
class TypeScriptClientIT {

  private static final Path SOURCES = Path.of("src", "test", "typescript");
  private static final Path WORK = Path.of("target", "typescript-client").toAbsolutePath();

  static SystemUnderTest sut;

  @BeforeAll
  static void startSystem() {
    sut = SystemUnderTest.get();
  }

  @Test
  void theSampleFrontendCallsTypeCheckAgainstTheGeneratedClient() throws Exception {
    requireNode();
    Files.createDirectories(WORK);
    for (String file : List.of("package.json", "package-lock.json", "tsconfig.json", "sample.ts")) {
      Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    String doc =
        given()
            .accept("application/json")
            .get(sut.gatewayUrl() + "/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Files.writeString(WORK.resolve("openapi.json"), doc);

    installPinnedPackages();
    run(
        "openapi-typescript",
        "node_modules/.bin/openapi-typescript",
        "openapi.json",
        "-o",
        "kam-api.d.ts");
    run("tsc", "node_modules/.bin/tsc", "--noEmit", "-p", "tsconfig.json");
  }

  /** npm ci once per lock file: a second run with the same lock reuses target/'s node_modules. */
  private static void installPinnedPackages() throws Exception {
    Path installedLock = WORK.resolve("node_modules").resolve(".kam-lock.json");
    String lock = Files.readString(WORK.resolve("package-lock.json"));
    if (Files.exists(installedLock) && Files.readString(installedLock).equals(lock)) {
      return;
    }
    run("npm ci", "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
    Files.writeString(installedLock, lock);
  }

  private static void requireNode() {
    for (String tool : List.of("node", "npm")) {
      try {
        Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          fail(
              tool + " --version failed: TypeScriptClientIT needs Node.js 18+ and npm on the PATH");
        }
      } catch (IOException | InterruptedException e) {
        fail(
            "TypeScriptClientIT needs Node.js 18+ and npm on the PATH (not found: "
                + tool
                + "); see the README's test section");
      }
    }
  }

  private static void run(String what, String... command) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(command));
    Process p = new ProcessBuilder(cmd).directory(WORK.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail(what + " did not finish in 5 minutes:\n" + out);
    }
    assertEquals(0, p.exitValue(), what + " failed (in " + WORK + "):\n" + out);
  }
}
