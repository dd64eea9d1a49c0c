package io.kam.chassis.http;

import io.kam.chassis.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP: the ETag of a resource is its version in quotes; writes must
 * send it back in If-Match (missing: 428, stale: 412), so no write silently overwrites another. The
 * comparison is strong (RFC 9110 13.1.1): a weak tag {@code W/"..."} never matches a write. {@code
 * *} matches any current version; a merge must then be computed on the version the write locks, in
 * the same transaction, never on an earlier read.
 */
public final class Preconditions {

  private Preconditions() {}

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  public static void requireIfMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired(
          "If-Match: send the ETag you read, to change this resource");
    }
    if (ifMatch.trim().equals("*")) {
      return;
    }
    String current = etag(currentVersion);
    boolean weak = false;
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        weak = true;
      } else if (tag.equals(current)) {
        return;
      }
    }
    throw ProblemException.preconditionFailed(
        weak
            ? "If-Match: a weak ETag (W/...) never matches a write; send the strong ETag " + current
            : "If-Match: the resource has changed since you read it (now "
                + current
                + "); read it again");
  }
}
