package io.kam.chassis.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kam.chassis.problem.ProblemException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class QueryParamsTest {

  enum Tier {
    KEY,
    STANDARD
  }

  private static void badRequestNaming(String name, Executable parse) {
    ProblemException e = assertThrows(ProblemException.class, parse);
    assertEquals(400, e.status());
    assertEquals(name, e.errors().get(0).field());
    assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
  }

  @Test
  void absentOrBlankOptionalParametersAreNullOrTheFallback() {
    assertNull(QueryParams.uuid("accountId", " "));
    assertNull(QueryParams.date("from", null));
    assertNull(QueryParams.enumValue("tier", "", Tier.class));
    assertFalse(QueryParams.bool("includeChildren", null));
    assertEquals(YearMonth.of(2026, 9), QueryParams.month("from", null, YearMonth.of(2026, 9)));
  }

  @Test
  void wellFormedValuesAreRead() {
    UUID id = UUID.randomUUID();
    assertEquals(id, QueryParams.requiredUuid("id", id.toString()));
    assertEquals(LocalDate.of(2026, 9, 30), QueryParams.date("to", "2026-09-30"));
    assertEquals(YearMonth.of(2025, 10), QueryParams.month("from", "2025-10", null));
    assertEquals(Tier.KEY, QueryParams.enumValue("tier", "KEY", Tier.class));
    assertEquals(Boolean.FALSE, QueryParams.optionalBool("overdue", "false"));
    assertEquals(42L, QueryParams.longValue("from", "42", "a history entry id"));
    assertEquals("EMEA", QueryParams.oneOf("region", "EMEA", Set.of("EMEA", "APAC")));
  }

  @Test
  void malformedValuesAreA400NamingTheParameter() {
    badRequestNaming("id", () -> QueryParams.requiredUuid("id", null));
    badRequestNaming("id", () -> QueryParams.uuid("id", "1-1-1-1-1"));
    badRequestNaming("from", () -> QueryParams.date("from", "2026-13-01"));
    badRequestNaming("from", () -> QueryParams.date("from", "+10000-01-01"));
    badRequestNaming("to", () -> QueryParams.month("to", "2026-9", null));
    badRequestNaming("tier", () -> QueryParams.enumValue("tier", "key", Tier.class));
    badRequestNaming("includeChildren", () -> QueryParams.bool("includeChildren", "yes"));
    badRequestNaming("at", () -> QueryParams.instant("at", "2026-10-01"));
    badRequestNaming("from", () -> QueryParams.longValue("from", "x", "a history entry id"));
    badRequestNaming("region", () -> QueryParams.oneOf("region", "MARS", Set.of("EMEA")));
    badRequestNaming(
        "period",
        () -> QueryParams.parsed("period", "Q5", null, YearMonth::parse, "must be a period"));
  }
}
