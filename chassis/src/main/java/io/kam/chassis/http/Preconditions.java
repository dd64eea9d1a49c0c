package io.kam.chassis.http;

import io.kam.chassis.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: the ETag of a resource is its version in quotes; writes
 * must send it back in If-Match (missing: 428, stale: 412), so no write silently overwrites another.
 */
public final class Preconditions {

  private Preconditions() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  public static void requireIfMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired("If-Match: send the ETag you read, to change this resource");
    }
    if (ifMatch.trim().equals("*")) {
      return;
    }
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag(currentVersion))) {
        return;
      }
    }
    throw ProblemException.preconditionFailed(
        "If-Match: the resource has changed since you read it (now " + etag(currentVersion) + "); read it again");
  }
}
