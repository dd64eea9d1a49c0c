package io.kam.demo.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortfolioGeneratorTest {

  @Test
  void theSameSeedGivesAnEqualPortfolio() {
    Portfolio a = new PortfolioGenerator(42, 200, Portfolios.LAST_MONTH).generate();
    Portfolio b = new PortfolioGenerator(42, 200, Portfolios.LAST_MONTH).generate();
    assertEquals(a, b);
    assertEquals(a.revenueLines(), b.revenueLines());
    assertEquals(a.surveyResponses(), b.surveyResponses());
  }

  @Test
  void anotherSeedGivesAnotherPortfolio() {
    Portfolio a = Portfolios.of(42, 200);
    Portfolio b = Portfolios.of(43, 200);
    assertNotEquals(a.accounts(), b.accounts());
    assertNotEquals(a.revenueLines(), b.revenueLines());
    assertNotEquals(a.surveyResponses(), b.surveyResponses());
  }

  @Test
  void theAccountsDoNotDependOnTheMonthTheHistoryEnds() {
    Portfolio sep = Portfolios.standard();
    Portfolio dec = new PortfolioGenerator(42, 200, YearMonth.of(2026, 12)).generate();
    assertEquals(sep.accounts(), dec.accounts());
    assertEquals(sep.revenueLines().size(), dec.revenueLines().size());
    assertEquals(YearMonth.of(2024, 1), dec.firstMonth());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 10, 200, 1000})
  void theSizeIsTheNumberOfAccounts(int size) {
    Portfolio p = Portfolios.of(7, size);
    assertEquals(size, p.accounts().size());
    assertEquals(size, p.accounts().stream().map(DemoAccount::externalId).distinct().count());
  }

  @Test
  void tenThousandAccountsForBenchmarks() {
    Portfolio p = Portfolios.of(42, 10_000);
    assertEquals(10_000, p.accounts().size());
    assertTrue(p.revenueLines().size() > 300_000, "lines: " + p.revenueLines().size());
  }

  @Test
  void aPortfolioHasAtLeastOneAccount() {
    assertThrows(
        IllegalArgumentException.class, () -> new PortfolioGenerator(1, 0, Portfolios.LAST_MONTH));
  }

  @Test
  void theHistoryEndsWithTheLastCompleteMonthBeforeNow() {
    assertEquals(
        YearMonth.of(2026, 9),
        PortfolioGenerator.lastCompleteMonth(Instant.parse("2026-10-01T00:00:00Z")));
    assertEquals(
        YearMonth.of(2026, 10),
        PortfolioGenerator.lastCompleteMonth(Instant.parse("2026-11-23T16:30:00Z")));
    assertEquals(
        YearMonth.of(2025, 12),
        PortfolioGenerator.lastCompleteMonth(Instant.parse("2026-01-01T00:00:00Z")));
    Portfolio p = Portfolios.standard();
    assertEquals(YearMonth.of(2023, 10), p.firstMonth());
    assertEquals(Portfolios.LAST_MONTH, p.lastMonth());
    assertTrue(
        p.revenueLines().stream().anyMatch(l -> YearMonth.from(l.date()).equals(p.firstMonth())));
    assertTrue(
        p.revenueLines().stream().anyMatch(l -> YearMonth.from(l.date()).equals(p.lastMonth())));
  }

  @Test
  void aboutFivePercentGroupsAndFifteenPercentSubsidiaries() {
    List<DemoAccount> accounts = Portfolios.standard().accounts();
    Set<String> parents =
        accounts.stream()
            .map(DemoAccount::parentExternalId)
            .filter(p -> p != null)
            .collect(Collectors.toSet());
    long roots =
        accounts.stream()
            .filter(a -> a.parentExternalId() == null && parents.contains(a.externalId()))
            .count();
    long children = accounts.stream().filter(a -> a.parentExternalId() != null).count();
    assertEquals(10, roots);
    assertEquals(30, children);
    assertTrue(parents.size() > roots, "some subsidiaries have subsidiaries of their own");
  }

  @ParameterizedTest
  @ValueSource(ints = {20, 200, 10_000})
  void theHierarchyIsValid(int size) {
    List<DemoAccount> accounts = Portfolios.of(42, size).accounts();
    Map<String, String> parentOf = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (DemoAccount a : accounts) {
      if (a.parentExternalId() != null) {
        assertTrue(seen.contains(a.parentExternalId()), a.externalId() + "'s parent comes earlier");
        parentOf.put(a.externalId(), a.parentExternalId());
      }
      seen.add(a.externalId());
    }
    for (DemoAccount a : accounts) {
      Set<String> path = new HashSet<>();
      for (String at = a.externalId(); at != null; at = parentOf.get(at)) {
        assertTrue(path.add(at), "cycle through " + at);
      }
      assertTrue(path.size() <= 3, "at most three levels: " + path);
    }
  }

  @Test
  void churnedNewGrowingDecliningAndProspectAccountsArePresent() {
    Map<RevenuePattern, Long> patterns =
        Portfolios.standard().accounts().stream()
            .collect(Collectors.groupingBy(DemoAccount::pattern, Collectors.counting()));
    for (RevenuePattern p : RevenuePattern.values()) {
      assertTrue(patterns.getOrDefault(p, 0L) >= 3, p + ": " + patterns);
    }
    Map<RevenuePattern, Long> small =
        Portfolios.of(5, 10).accounts().stream()
            .collect(Collectors.groupingBy(DemoAccount::pattern, Collectors.counting()));
    assertTrue(
        small.containsKey(RevenuePattern.CHURNED) && small.containsKey(RevenuePattern.NEW),
        small.toString());
  }

  @Test
  void childrenShareTheirGroupsIndustryAndMostlyItsOwner() {
    List<DemoAccount> accounts = Portfolios.standard().accounts();
    Map<String, DemoAccount> byId =
        accounts.stream().collect(Collectors.toMap(DemoAccount::externalId, a -> a));
    List<DemoAccount> children =
        accounts.stream().filter(a -> a.parentExternalId() != null).toList();
    children.forEach(c -> assertEquals(byId.get(c.parentExternalId()).industry(), c.industry()));
    long sameOwner =
        children.stream()
            .filter(c -> c.ownerId().equals(byId.get(c.parentExternalId()).ownerId()))
            .count();
    assertTrue(sameOwner >= children.size() / 2, sameOwner + " of " + children.size());
  }

  @Test
  void ownersIncludeTheDemoUsers() {
    Map<String, Long> owners =
        Portfolios.standard().accounts().stream()
            .collect(Collectors.groupingBy(DemoAccount::ownerId, Collectors.counting()));
    assertTrue(owners.get("kam-anna") >= 20 && owners.get("kam-ben") >= 20, owners.toString());
    assertTrue(owners.keySet().stream().allMatch(o -> o.startsWith("kam-")), owners.toString());
    assertEquals(Catalog.OWNERS.size(), owners.size());
  }

  @Test
  void someWalletsAndAssessmentsAreUnknown() {
    List<DemoAccount> accounts = Portfolios.standard().accounts();
    long noWallet = accounts.stream().filter(a -> a.potentialAnnualSpend() == null).count();
    long noAssessment = accounts.stream().filter(a -> a.assessment() == null).count();
    assertTrue(noWallet >= 10 && noWallet <= 60, "unknown wallets: " + noWallet);
    assertTrue(noAssessment >= 5 && noAssessment <= 50, "unassessed: " + noAssessment);
    assertFalse(accounts.stream().allMatch(a -> a.team().isEmpty()));
  }
}
