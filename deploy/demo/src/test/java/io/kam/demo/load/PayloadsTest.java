package io.kam.demo.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.demo.portfolio.DemoAccount;
import io.kam.demo.portfolio.DemoContact;
import io.kam.demo.portfolio.RevenueLine;
import io.kam.demo.portfolio.RevenuePattern;
import io.kam.demo.portfolio.SurveyResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The wire shapes of docs/api.md: field names, plain decimals, ISO dates, nothing internal. */
class PayloadsTest {

  static DemoAccount account(BigDecimal wallet, DemoAccount.Assessment assessment) {
    return new DemoAccount(
        "demo-crm",
        "GRP-0001-01",
        "Nordwind France",
        "GRP-0001",
        "MANUFACTURING",
        "FR",
        "EMEA",
        "https://www.nordwind.example/fr",
        1200,
        "CUSTOMER",
        "kam-anna",
        List.of(new DemoAccount.TeamMember("se-lena", "SOLUTION_ENGINEER")),
        "COOPERATIVE",
        assessment,
        wallet,
        List.of(),
        RevenuePattern.STEADY);
  }

  @Test
  void aSyncItemHasTheApiFields() {
    ObjectNode n =
        Payloads.account(
            account(new BigDecimal("2500000"), new DemoAccount.Assessment(4, 5, 3, 3)));
    assertEquals(
        Set.of(
            "source",
            "externalId",
            "name",
            "parentExternalId",
            "industry",
            "country",
            "region",
            "website",
            "employees",
            "lifecycle",
            "ownerId",
            "team",
            "relationshipStage",
            "assessment",
            "potentialAnnualSpend"),
        names(n));
    assertEquals("GRP-0001", n.get("parentExternalId").asText());
    assertEquals(
        "{\"userId\":\"se-lena\",\"role\":\"SOLUTION_ENGINEER\"}", n.get("team").get(0).toString());
    assertEquals(
        "{\"strategicAlignment\":4,\"marketInfluence\":5,\"fit\":3,\"partnership\":3}",
        n.get("assessment").toString());
    assertTrue(Gateway.write(n).contains("\"potentialAnnualSpend\":2500000"));
  }

  @Test
  void anUnknownWalletAndAMissingAssessmentAreLeftOutNotNulled() {
    ObjectNode n = Payloads.account(account(null, null));
    assertFalse(
        n.has("potentialAnnualSpend"), "a merge would clear a stored wallet with an explicit null");
    assertFalse(n.has("assessment"));
  }

  @Test
  void aRevenueLineNamesItsAccountByCrmKeyAndKeepsTheAmountExact() {
    ObjectNode n =
        Payloads.revenueLine(
            new RevenueLine(
                "demo-erp",
                "INV-202609-ACC-00001-ANALYTICS",
                "demo-crm",
                "ACC-00001",
                LocalDate.of(2026, 9, 14),
                "ANALYTICS",
                new BigDecimal("12345.6789")));
    assertEquals(
        "{\"source\":\"demo-erp\",\"externalId\":\"INV-202609-ACC-00001-ANALYTICS\",\"accountSource\":\"demo-crm\","
            + "\"accountExternalId\":\"ACC-00001\",\"date\":\"2026-09-14\",\"productLine\":\"ANALYTICS\","
            + "\"amount\":12345.6789}",
        Gateway.write(n));
    ObjectNode credit =
        Payloads.revenueLine(
            new RevenueLine(
                "demo-erp",
                "CN-1",
                "demo-crm",
                "ACC-00001",
                LocalDate.of(2026, 9, 20),
                "PLATFORM",
                new BigDecimal("-1.5E+3")));
    assertTrue(Gateway.write(credit).contains("\"amount\":-1500"), Gateway.write(credit));
  }

  @Test
  void aSurveyResponseHasAnIsoInstant() {
    ObjectNode n =
        Payloads.surveyResponse(
            new SurveyResponse(
                "demo-survey",
                "SRV-ACC-00001-2026Q3-NPS-1",
                "demo-crm",
                "ACC-00001",
                "NPS",
                9,
                Instant.parse("2026-09-02T10:00:00Z")));
    assertEquals(
        "{\"source\":\"demo-survey\",\"externalId\":\"SRV-ACC-00001-2026Q3-NPS-1\",\"accountSource\":\"demo-crm\","
            + "\"accountExternalId\":\"ACC-00001\",\"kind\":\"NPS\",\"score\":9,\"respondedAt\":\"2026-09-02T10:00:00Z\"}",
        Gateway.write(n));
  }

  @Test
  void aContactIsKeyedUnderItsAccountAndNamesItsManagerByKey() {
    DemoContact c =
        new DemoContact(
            "C2",
            "Lena Weber",
            "Head of IT",
            "lena.weber@nordwind.example",
            "+49 555 0101",
            "INFLUENCER",
            4,
            3,
            "C1");
    DemoAccount a = account(new BigDecimal("2500000"), new DemoAccount.Assessment(4, 5, 3, 3));
    ObjectNode n = Payloads.contact(new ContactLoader.Item(a, c));
    assertEquals(
        Set.of(
            "source",
            "externalId",
            "accountExternalId",
            "name",
            "title",
            "email",
            "phone",
            "buyingRole",
            "influence",
            "relationshipStrength",
            "reportsToExternalId"),
        names(n));
    assertEquals(a.source(), n.get("source").asText());
    assertEquals(a.externalId() + "/C2", n.get("externalId").asText());
    assertEquals(a.externalId(), n.get("accountExternalId").asText());
    assertEquals(a.externalId() + "/C1", n.get("reportsToExternalId").asText());
    DemoContact top = new DemoContact("C1", "Max", null, null, null, null, 3, 3, null);
    assertFalse(Payloads.contact(new ContactLoader.Item(a, top)).has("reportsToExternalId"));
  }

  @Test
  void aBulkBodyIsItems() {
    JsonNode body = Payloads.bulk(List.of(Payloads.JSON.createObjectNode().put("a", 1)));
    assertEquals("{\"items\":[{\"a\":1}]}", body.toString());
  }

  private static Set<String> names(JsonNode n) {
    Set<String> names = new java.util.HashSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
