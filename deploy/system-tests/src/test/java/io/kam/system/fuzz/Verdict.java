package io.kam.system.fuzz;

import java.util.regex.Pattern;

/** What every answer to a malformed request must be: no 5xx, and a 4xx is a clean problem+json. */
final class Verdict {

  /** Internals a client must never see: class and package names, SQL, stack frames. */
  private static final Pattern LEAK =
      Pattern.compile(
          "(?i)(exception|\\bjava\\.|\\bjakarta\\.|org\\.(hibernate|postgresql|jboss|apache|eclipse)|io\\.(kam|quarkus|vertx|smallrye)\\."
              + "|\\bsql\\b|psql|syntax error|\\bselect\\b.+\\bfrom\\b|\\n\\s+at [a-z])");

  private Verdict() {}

  /** Why the answer is wrong, or null when it is acceptable. */
  static String judge(int status, String contentType, String body) {
    if (status >= 500) {
      return "server error " + status;
    }
    if (status >= 400) {
      if (contentType == null || !contentType.startsWith("application/problem+json")) {
        return status + " is not problem+json but " + contentType;
      }
      if (LEAK.matcher(body).find()) {
        return status + " leaks internals";
      }
    }
    return null;
  }
}
