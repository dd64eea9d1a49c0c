package io.kam.scoring.api;

import io.kam.scoring.domain.Account;
import io.kam.scoring.domain.Decimals;
import io.kam.scoring.domain.Designation;
import io.kam.scoring.domain.Freshness;
import io.kam.scoring.domain.ScoreHistoryEntry;
import io.kam.scoring.domain.ScoreJson;
import io.kam.scoring.domain.ScoreState;
import io.kam.scoring.domain.calc.AccountType;
import io.kam.scoring.domain.calc.BreakdownItem;
import io.kam.scoring.domain.calc.CriterionChange;
import io.kam.scoring.domain.calc.ScoreDiff;
import io.kam.scoring.domain.calc.Thresholds;
import io.kam.scoring.domain.calc.Tier;
import io.kam.scoring.domain.calc.TierReason;
import io.kam.scoring.domain.calc.TypeFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entities to views. The effective tier is evaluated for {@code today}: an ended designation no
 * longer counts.
 */
final class ScoreMapper {

  private ScoreMapper() {}

  static ScoreView score(
      Account a, LocalDate today, Tier monthEndTier, Thresholds thresholds, Freshness.State f) {
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
        tierExplanation(a, d, monthEndTier, thresholds),
        typeExplanation(a),
        freshness(f),
        breakdown(a.breakdown),
        a.rowVersion);
  }

  static PortfolioItemView item(
      Account a, LocalDate today, Tier monthEndTier, Thresholds thresholds, Freshness.State f) {
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
        designation(d),
        new TierExplanationView.Brief(
            reason(a, d, thresholds), monthEndTier, d == null ? null : d.endsOn()),
        f.stale().stream().map(Freshness.Stale::input).toList());
  }

  private static TierReason reason(Account a, Designation d, Thresholds thresholds) {
    return TierReason.of(
        a.score,
        Tier.valueOf(a.computedTier),
        thresholds,
        d == null ? null : Tier.valueOf(d.tier()));
  }

  private static TierExplanationView tierExplanation(
      Account a, Designation d, Tier monthEndTier, Thresholds thresholds) {
    return new TierExplanationView(
        Tier.valueOf(d == null ? a.computedTier : d.tier()),
        Tier.valueOf(a.computedTier),
        monthEndTier,
        reason(a, d, thresholds),
        d == null ? null : d.endsOn(),
        Decimals.plain(thresholds.key()),
        Decimals.plain(thresholds.keyExit()),
        Decimals.plain(thresholds.developing()));
  }

  private static TypeExplanationView typeExplanation(Account a) {
    Map<String, BigDecimal> normalized = new HashMap<>();
    ScoreJson.breakdown(a.breakdown).stream()
        .filter(BreakdownItem::present)
        .forEach(i -> normalized.put(i.criterion(), i.normalized()));
    TypeFigures t = TypeFigures.of(normalized);
    return new TypeExplanationView(
        AccountType.valueOf(a.type),
        Decimals.plain(t.value()),
        Decimals.plain(t.potential()),
        t.threshold(),
        t.threshold(),
        new TypeExplanationView.Inputs(
            Decimals.plain(t.revenue()),
            Decimals.plain(t.growth()),
            Decimals.plain(t.walletHeadroom()),
            Decimals.plain(t.strategicAlignment())));
  }

  static FreshnessView freshness(Freshness.State f) {
    Freshness.Thresholds t = f.thresholds();
    return new FreshnessView(
        f.lastRevenueMonth(),
        f.lastSurveyDate(),
        f.assessedAt(),
        f.stale().stream().map(Freshness.Stale::input).toList(),
        new FreshnessView.Thresholds(
            t.revenueStaleAfterMonths(),
            t.surveyStaleAfterMonths(),
            t.assessmentStaleAfterMonths()));
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
