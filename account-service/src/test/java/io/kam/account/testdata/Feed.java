package io.kam.account.testdata;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the change feed as a partner does: page after page from a cursor. */
public final class Feed {

  private Feed() {}

  /** A cursor at the current end of the feed. */
  public static String end() {
    String cursor = null;
    while (true) {
      JsonPath page = read(cursor);
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return cursor;
      }
    }
  }

  /** Every change after {@code cursor}, and the cursor after them (last element, key "cursor"). */
  public static Result since(String cursor) {
    List<Map<String, Object>> items = new ArrayList<>();
    while (true) {
      JsonPath page = read(cursor);
      items.addAll(page.getList("items"));
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return new Result(items, cursor);
      }
    }
  }

  public record Result(List<Map<String, Object>> items, String cursor) {}

  private static JsonPath read(String cursor) {
    var request = Api.as("crm-bridge", "integration").queryParam("limit", 500);
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request
        .when()
        .get("/api/v1/sync/accounts/changes")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
