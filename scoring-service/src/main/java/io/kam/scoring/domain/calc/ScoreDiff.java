package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a score changed between two results: per criterion the input before and after and the points
 * it gained or lost. Works on breakdowns alone so that it can compare stored history entries, even
 * of different model versions (a criterion only one side has shows as appearing or vanishing).
 *
 * @param scoreDelta scoreAfter - scoreBefore; null when either score is null (no score is not 0)
 * @param criteria the older breakdown's criteria in order, then those only the newer one has
 */
public record ScoreDiff(
    BigDecimal scoreBefore,
    BigDecimal scoreAfter,
    BigDecimal scoreDelta,
    List<CriterionChange> criteria) {

  public ScoreDiff {
    criteria = List.copyOf(criteria);
  }

  public static ScoreDiff between(ScoreResult older, ScoreResult newer) {
    return between(older.score(), older.breakdown(), newer.score(), newer.breakdown());
  }

  public static ScoreDiff between(
      BigDecimal olderScore,
      List<BreakdownItem> older,
      BigDecimal newerScore,
      List<BreakdownItem> newer) {
    Map<String, BreakdownItem[]> pairs = new LinkedHashMap<>();
    older.forEach(i -> pairs.computeIfAbsent(i.criterion(), k -> new BreakdownItem[2])[0] = i);
    newer.forEach(i -> pairs.computeIfAbsent(i.criterion(), k -> new BreakdownItem[2])[1] = i);
    List<CriterionChange> changes = new ArrayList<>();
    pairs.forEach((key, pair) -> changes.add(change(key, pair[0], pair[1])));
    BigDecimal delta =
        olderScore == null || newerScore == null ? null : newerScore.subtract(olderScore);
    return new ScoreDiff(olderScore, newerScore, delta, changes);
  }

  private static CriterionChange change(String key, BreakdownItem before, BreakdownItem after) {
    BigDecimal inputBefore = before == null ? null : before.input();
    BigDecimal inputAfter = after == null ? null : after.input();
    BigDecimal contributionBefore = before == null ? null : before.contribution();
    BigDecimal contributionAfter = after == null ? null : after.contribution();
    BigDecimal points = orZero(contributionAfter).subtract(orZero(contributionBefore));
    return new CriterionChange(
        key,
        inputBefore,
        inputAfter,
        !sameValue(inputBefore, inputAfter),
        contributionBefore,
        contributionAfter,
        points);
  }

  private static boolean sameValue(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static BigDecimal orZero(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value;
  }
}
