package io.kam.scoring.api;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.Account;
import io.kam.scoring.domain.Freshness;
import io.kam.scoring.domain.ScoreQueries;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Scores as responses, explained: the month-end tiers of a whole page come from one query, the
 * thresholds of each model version from the model cache, freshness from the row itself.
 */
@ApplicationScoped
public class ScoreViews {

  private final ScoreQueries queries;
  private final Freshness freshness;
  private final KamClock clock;

  public ScoreViews(ScoreQueries queries, Freshness freshness, KamClock clock) {
    this.queries = queries;
    this.freshness = freshness;
    this.clock = clock;
  }

  public ScoreView score(Account a) {
    Tier monthEnd = queries.monthEndTiers(List.of(a.id)).get(a.id);
    return ScoreMapper.score(
        a, clock.today(), monthEnd, queries.thresholds(a.modelVersion), freshness.of(a));
  }

  /** A mapper for the items of one page of {@code accounts} (one month-end query for all). */
  public Function<Account, PortfolioItemView> items(List<Account> accounts) {
    LocalDate today = clock.today();
    Map<UUID, Tier> monthEnd = queries.monthEndTiers(accounts.stream().map(a -> a.id).toList());
    return a ->
        ScoreMapper.item(
            a, today, monthEnd.get(a.id), queries.thresholds(a.modelVersion), freshness.of(a));
  }
}
