package io.kam.scoring.api;

import io.kam.scoring.domain.Account;
import io.kam.scoring.domain.Decimals;
import io.kam.scoring.domain.Designation;
import io.kam.scoring.domain.ScoreHistoryEntry;
import io.kam.scoring.domain.ScoreJson;
import io.kam.scoring.domain.ScoreState;
import io.kam.scoring.domain.calc.BreakdownItem;
import io.kam.scoring.domain.calc.CriterionChange;
import io.kam.scoring.domain.calc.ScoreDiff;
import java.time.LocalDate;
import java.util.List;

/**
 * Entities to views. The effective tier is evaluated for {@code today}: an ended designation no
 * longer counts.
 */
final class ScoreMapper {

  private ScoreMapper() {}

  static ScoreView score(Account a, LocalDate today) {
    Designation d = a.designation(today);
    return new ScoreView(
        a.id,
        a.score,
        d == null ? a.computedTier : d.tier(),
        a.computedTier,
        a.type,
        a.risk,
        ScoreState.reasons(a.riskReasons),
        Decimals.plain(a.coverage),
        a.modelVersion,
        a.computedAt,
        designation(d),
        breakdown(a.breakdown),
        a.rowVersion);
  }

  static PortfolioItemView item(Account a, LocalDate today) {
    Designation d = a.designation(today);
    return new PortfolioItemView(
        a.id,
        a.name,
        a.ownerId,
        a.score,
        d == null ? a.computedTier : d.tier(),
        a.computedTier,
        a.type,
        a.risk,
        ScoreState.reasons(a.riskReasons),
        Decimals.plain(a.coverage),
        a.modelVersion,
        a.computedAt,
        designation(d));
  }

  static HistoryItemView history(ScoreHistoryEntry h) {
    return new HistoryItemView(
        h.id,
        h.at,
        h.cause,
        h.score,
        h.tier,
        h.computedTier,
        h.type,
        h.risk,
        ScoreState.reasons(h.riskReasons),
        Decimals.plain(h.coverage),
        h.modelVersion,
        designation(ScoreJson.designation(h.designation)),
        breakdown(h.breakdown));
  }

  static DiffView diff(ScoreHistoryEntry from, ScoreHistoryEntry to) {
    ScoreDiff d =
        ScoreDiff.between(
            from.score,
            ScoreJson.breakdown(from.breakdown),
            to.score,
            ScoreJson.breakdown(to.breakdown));
    List<DiffView.CriterionChangeView> criteria =
        d.criteria().stream().map(ScoreMapper::change).toList();
    return new DiffView(
        from.accountId,
        from.id,
        to.id,
        d.scoreBefore(),
        d.scoreAfter(),
        d.scoreDelta(),
        from.tier,
        to.tier,
        from.modelVersion,
        to.modelVersion,
        criteria);
  }

  private static DiffView.CriterionChangeView change(CriterionChange c) {
    return new DiffView.CriterionChangeView(
        c.criterion(),
        Decimals.plain(c.inputBefore()),
        Decimals.plain(c.inputAfter()),
        c.inputChanged(),
        Decimals.plain(c.contributionBefore()),
        Decimals.plain(c.contributionAfter()),
        Decimals.plain(c.points()));
  }

  private static ScoreView.DesignationView designation(Designation d) {
    return d == null
        ? null
        : new ScoreView.DesignationView(d.tier(), d.reason(), d.endsOn(), d.by(), d.at());
  }

  private static List<ScoreView.BreakdownView> breakdown(String json) {
    return ScoreJson.breakdown(json).stream().map(ScoreMapper::item).toList();
  }

  private static ScoreView.BreakdownView item(BreakdownItem i) {
    return new ScoreView.BreakdownView(
        i.criterion(),
        Decimals.plain(i.input()),
        Decimals.plain(i.normalized()),
        Decimals.plain(i.weight()),
        Decimals.plain(i.contribution()));
  }
}
