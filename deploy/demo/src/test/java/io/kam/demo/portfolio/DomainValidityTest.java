package io.kam.demo.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every generated item is one the services accept, per docs/kpis-and-scores.md and the request
 * records' rules.
 */
class DomainValidityTest {

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern EMAIL = Pattern.compile("[a-z0-9.]+@[a-z0-9-]+\\.example");

  @ParameterizedTest
  @ValueSource(longs = {42, 7})
  void accountsAreValid(long seed) {
    Portfolio p = Portfolios.of(seed, 1000);
    for (DemoAccount a : p.accounts()) {
      String id = a.externalId();
      assertEquals(Catalog.ACCOUNT_SOURCE, a.source());
      assertTrue(!a.name().isBlank() && a.name().length() <= 300, id);
      assertTrue(ISO_COUNTRIES.contains(a.country()), id + " country " + a.country());
      assertEquals(Catalog.COUNTRY_REGION.get(a.country()), a.region(), id);
      assertTrue(Catalog.REGIONS.contains(a.region()), id);
      assertTrue(Catalog.INDUSTRIES.contains(a.industry()), id);
      assertTrue(Catalog.LIFECYCLES.contains(a.lifecycle()), id);
      assertTrue(Catalog.STAGES.contains(a.relationshipStage()), id);
      assertTrue(Catalog.OWNERS.contains(a.ownerId()), id);
      assertTrue(a.employees() >= 0, id);
      assertTrue(a.website().startsWith("https://www.") && a.website().length() <= 500, id);
      a.team()
          .forEach(
              m -> assertTrue(Catalog.TEAM_ROLES.contains(m.role()) && !m.userId().isBlank(), id));
      assertEquals(
          a.team().size(),
          a.team().stream().map(DemoAccount.TeamMember::role).distinct().count(),
          id);
      if (a.assessment() != null) {
        for (int v :
            List.of(
                a.assessment().strategicAlignment(),
                a.assessment().marketInfluence(),
                a.assessment().fit(),
                a.assessment().partnership())) {
          assertTrue(v >= 1 && v <= 5, id + " assessment " + a.assessment());
        }
      }
      if (a.potentialAnnualSpend() != null) {
        assertTrue(a.potentialAnnualSpend().signum() > 0, id);
        assertTrue(fits(a.potentialAnnualSpend()), id);
      }
      contactsAreValid(a);
    }
  }

  private static void contactsAreValid(DemoAccount a) {
    Set<String> keys = new HashSet<>();
    Set<String> emails = new HashSet<>();
    assertTrue(!a.contacts().isEmpty(), a.externalId());
    assertEquals("DECISION_MAKER", a.contacts().get(0).buyingRole());
    assertNull(a.contacts().get(0).reportsToKey());
    for (DemoContact c : a.contacts()) {
      String id = a.externalId() + "/" + c.key();
      assertTrue(!c.name().isBlank() && c.name().length() <= 300 && c.title().length() <= 300, id);
      assertTrue(EMAIL.matcher(c.email()).matches(), id + " " + c.email());
      assertTrue(emails.add(c.email()), id + " e-mail unique within the account");
      assertTrue(c.phone().startsWith("+") && c.phone().length() <= 50, id);
      assertTrue(Catalog.BUYING_ROLES.contains(c.buyingRole()), id);
      assertTrue(c.influence() >= 1 && c.influence() <= 5, id);
      assertTrue(c.relationshipStrength() >= 1 && c.relationshipStrength() <= 5, id);
      if (c.reportsToKey() != null) {
        assertTrue(
            keys.contains(c.reportsToKey()), id + " reports to an earlier contact, so no cycle");
      }
      assertTrue(keys.add(c.key()), id);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {42, 7})
  void revenueLinesAreValid(long seed) {
    Portfolio p = Portfolios.of(seed, 1000);
    Set<String> accounts = new HashSet<>();
    p.accounts().forEach(a -> accounts.add(a.externalId()));
    Set<String> keys = new HashSet<>();
    LocalDate first = p.firstMonth().atDay(1);
    LocalDate last = p.lastMonth().atEndOfMonth();
    for (RevenueLine l : p.revenueLines()) {
      assertEquals(Catalog.REVENUE_SOURCE, l.source());
      assertTrue(keys.add(l.externalId()), "unique key " + l.externalId());
      assertTrue(l.externalId().length() <= 200, l.externalId());
      assertEquals(Catalog.ACCOUNT_SOURCE, l.accountSource());
      assertTrue(accounts.contains(l.accountExternalId()), l.externalId());
      assertTrue(
          !l.date().isBefore(first) && !l.date().isAfter(last), l.externalId() + " " + l.date());
      assertTrue(Catalog.PRODUCT_LINES.containsKey(l.productLine()), l.externalId());
      assertTrue(l.amount().signum() != 0 && fits(l.amount()), l.externalId() + " " + l.amount());
    }
    assertTrue(
        p.revenueLines().stream().anyMatch(l -> l.amount().stripTrailingZeros().scale() > 2),
        "some usage-based amounts use more than cents");
  }

  @ParameterizedTest
  @ValueSource(longs = {42, 7})
  void surveyResponsesAreValid(long seed) {
    Portfolio p = Portfolios.of(seed, 1000);
    Set<String> accounts = new HashSet<>();
    p.accounts().forEach(a -> accounts.add(a.externalId()));
    Set<String> keys = new HashSet<>();
    Instant from = p.firstMonth().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = p.lastMonth().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (SurveyResponse r : p.surveyResponses()) {
      assertEquals(Catalog.SURVEY_SOURCE, r.source());
      assertTrue(keys.add(r.externalId()), "unique key " + r.externalId());
      assertEquals(Catalog.ACCOUNT_SOURCE, r.accountSource());
      assertTrue(accounts.contains(r.accountExternalId()), r.externalId());
      assertNotNull(r.respondedAt());
      assertTrue(!r.respondedAt().isBefore(from) && r.respondedAt().isBefore(to), r.externalId());
      switch (r.kind()) {
        case "CSAT" -> assertTrue(r.score() >= 1 && r.score() <= 5, r.externalId());
        case "NPS" -> assertTrue(r.score() >= 0 && r.score() <= 10, r.externalId());
        default -> throw new AssertionError("kind " + r.kind());
      }
    }
  }

  /** numeric(19,4): at most 4 fraction digits and 15 integer digits. */
  private static boolean fits(BigDecimal amount) {
    BigDecimal s = amount.stripTrailingZeros();
    return s.scale() <= 4 && s.precision() - s.scale() <= 15;
  }
}
