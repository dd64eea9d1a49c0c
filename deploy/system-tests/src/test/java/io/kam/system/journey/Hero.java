package io.kam.system.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kam.demo.load.Payloads;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The account the journey follows, with data chosen so every number can be worked out by hand
 * (docs/kpis-and-scores.md, default scoring model; the clock stands at 2026-10-15, so the snapshot
 * month is 2026-09):
 *
 * <ul>
 *   <li>revenue 100 000 a month from 2024-10 to 2025-09 and 125 000 a month from 2025-10 to 2026-09
 *       (PLATFORM and ANALYTICS): t12mRevenue 1 500 000, t12mGrowth 0.25;
 *   <li>wallet 10 000 000: headroom 0.85; assessment 5/5/5: each criterion 1;
 *   <li>NPS 7 promoters, 2 passives, 1 detractor: npsT12m 60; CSAT all satisfied: 100.
 * </ul>
 *
 * Score = 100 x (0.3 x (log10 1.5e6 - 4) / 3 + 0.2 x 0.45 / 0.7 + 0.1 x 0.85 + 0.3 + 0.1 x 0.8) =
 * 81.118... -> 81.1, KEY, STRATEGIC, risk LOW.
 */
final class Hero {

  static final String SOURCE = "crm";
  static final String EXTERNAL_ID = "HELIOS-1";
  static final String OWNER = "kam-julia";
  static final String ERP = "erp";
  static final String SURVEYS = "survey-tool";

  private Hero() {}

  static ObjectNode account() {
    ObjectNode a =
        Payloads.JSON
            .createObjectNode()
            .put("source", SOURCE)
            .put("externalId", EXTERNAL_ID)
            .put("name", "Helios Industrie AG")
            .put("industry", "MANUFACTURING")
            .put("country", "DE")
            .put("region", "EMEA")
            .put("employees", 4200)
            .put("website", "https://helios.example")
            .put("ownerId", OWNER)
            .put("lifecycle", "CUSTOMER")
            .put("relationshipStage", "COOPERATIVE")
            .put("potentialAnnualSpend", new BigDecimal("10000000"));
    a.putObject("assessment")
        .put("strategicAlignment", 5)
        .put("marketInfluence", 5)
        .put("fit", 5)
        .put("partnership", 4);
    a.putArray("team").addObject().put("userId", "se-marc").put("role", "SOLUTION_ENGINEER");
    return a;
  }

  /** 24 months of invoices, two product lines. */
  static List<ObjectNode> history() {
    List<ObjectNode> lines = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2024, 10);
        !m.isAfter(YearMonth.of(2026, 9));
        m = m.plusMonths(1)) {
      boolean recent = !m.isBefore(YearMonth.of(2025, 10));
      lines.add(line("INV-" + m + "-P", m.atDay(10), "PLATFORM", recent ? "90000" : "75000"));
      lines.add(line("INV-" + m + "-A", m.atDay(20), "ANALYTICS", recent ? "35000" : "25000"));
    }
    return lines;
  }

  static List<ObjectNode> goodSurveys() {
    List<ObjectNode> responses = new ArrayList<>();
    int[] nps = {10, 9, 9, 10, 9, 9, 10, 8, 7, 3};
    for (int i = 0; i < nps.length; i++) {
      responses.add(
          survey("NPS-" + i, "NPS", nps[i], YearMonth.of(2025, 11).plusMonths(i).atDay(5)));
    }
    int[] csat = {5, 5, 4, 5, 4};
    for (int i = 0; i < csat.length; i++) {
      responses.add(
          survey("CSAT-" + i, "CSAT", csat[i], YearMonth.of(2026, 1).plusMonths(i).atDay(12)));
    }
    return responses;
  }

  /** 20 detractors in September: npsT12m = 100 x (7 - 21) / 30 = -46.67. */
  static List<ObjectNode> badSurveys() {
    List<ObjectNode> responses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      responses.add(survey("NPS-SEPT-" + i, "NPS", 2, LocalDate.of(2026, 9, 10 + i / 2)));
    }
    return responses;
  }

  static ObjectNode line(String externalId, LocalDate date, String productLine, String amount) {
    return Payloads.JSON
        .createObjectNode()
        .put("source", ERP)
        .put("externalId", externalId)
        .put("accountSource", SOURCE)
        .put("accountExternalId", EXTERNAL_ID)
        .put("date", date.toString())
        .put("productLine", productLine)
        .put("amount", new BigDecimal(amount));
  }

  private static ObjectNode survey(String externalId, String kind, int score, LocalDate day) {
    return Payloads.JSON
        .createObjectNode()
        .put("source", SURVEYS)
        .put("externalId", externalId)
        .put("accountSource", SOURCE)
        .put("accountExternalId", EXTERNAL_ID)
        .put("kind", kind)
        .put("score", score)
        .put("respondedAt", day + "T09:30:00Z");
  }
}
