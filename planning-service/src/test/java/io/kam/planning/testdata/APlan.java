package io.kam.planning.testdata;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A plan request body: {@code aPlan().forAccount(id).reviewedEvery(30).body()}. */
public final class APlan {

  private final Map<String, Object> body = new HashMap<>();

  private APlan() {
    body.put("title", "Grow Acme in 2027");
    body.put("period", Map.of("start", "2026-10-01", "end", "2027-09-30"));
  }

  public static APlan aPlan() {
    return new APlan();
  }

  public APlan forAccount(UUID accountId) {
    body.put("accountId", accountId.toString());
    return this;
  }

  public APlan titled(String title) {
    body.put("title", title);
    return this;
  }

  public APlan ownedBy(String ownerId) {
    body.put("ownerId", ownerId);
    return this;
  }

  public APlan reviewedEvery(int days) {
    body.put("reviewEveryDays", days);
    return this;
  }

  public APlan period(String start, String end) {
    body.put("period", Map.of("start", start, "end", end));
    return this;
  }

  public Map<String, Object> body() {
    return body;
  }
}
