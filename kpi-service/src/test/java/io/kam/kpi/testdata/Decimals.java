package io.kam.kpi.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;

/** Exact decimal assertions on API responses (scale-insensitive, value-exact). */
public final class Decimals {

  private Decimals() {}

  /** Asserts {@code path} equals {@code expected} ("null" for JSON null). */
  public static void assertValue(JsonPath json, String path, String expected) {
    Object actual = json.get(path);
    if ("null".equals(expected)) {
      assertNull(actual, path + " should be null");
      return;
    }
    assertNotNull(actual, path + " should be " + expected);
    BigDecimal value = new BigDecimal(actual.toString());
    assertEquals(
        0,
        value.compareTo(new BigDecimal(expected)),
        path + ": expected " + expected + " but was " + value);
  }
}
