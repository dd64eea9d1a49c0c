package io.kam.scoring.domain;

import io.kam.scoring.domain.calc.ScoreCalculator;
import io.kam.scoring.domain.calc.ScoreResult;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What-if: scores the current portfolio with a model (usually a draft) without writing anything,
 * using each account's month-end tier for the hysteresis as a real activation would, and reports
 * which accounts' computed tier would enter or leave KEY.
 */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class Simulation {

  private static final int PAGE = 1000;

  private final AccountRepository accounts;
  private final ModelCatalog models;
  private final MonthEndTiers monthEndTiers;

  public Simulation(AccountRepository accounts, ModelCatalog models, MonthEndTiers monthEndTiers) {
    this.accounts = accounts;
    this.models = models;
    this.monthEndTiers = monthEndTiers;
  }

  public record Moved(UUID accountId, String name, BigDecimal score, BigDecimal simulatedScore) {}

  public record Outcome(int accountsScored, List<Moved> entering, List<Moved> leaving) {}

  public Outcome run(ScoringModel model) {
    ScoringModelSpec spec = models.spec(model);
    List<Moved> entering = new ArrayList<>();
    List<Moved> leaving = new ArrayList<>();
    int scored = 0;
    UUID after = null;
    while (true) {
      List<Account> page = accounts.scoredAfter(after, PAGE);
      if (page.isEmpty()) {
        return new Outcome(scored, entering, leaving);
      }
      Map<UUID, Tier> monthEnd = monthEndTiers.of(page.stream().map(a -> a.id).toList());
      for (Account a : page) {
        ScoreResult r = ScoreCalculator.compute(spec, a.inputs(), monthEnd.get(a.id));
        boolean wasKey = "KEY".equals(a.computedTier);
        boolean isKey = r.computedTier() == Tier.KEY;
        if (isKey != wasKey) {
          (isKey ? entering : leaving).add(new Moved(a.id, a.name, a.score, r.score()));
        }
      }
      scored += page.size();
      after = page.get(page.size() - 1).id;
      accounts
          .getEntityManager()
          .clear(); // read-only pages: keep the session small over a large portfolio
    }
  }
}
