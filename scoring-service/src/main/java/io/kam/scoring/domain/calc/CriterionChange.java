package io.kam.scoring.domain.calc;

import java.math.BigDecimal;

/**
 * How one criterion changed between two scores.
 *
 * @param inputChanged whether the input moved (a value appearing or disappearing counts; 152000 and
 *     152000.00 do not)
 * @param points contribution after - contribution before, a missing contribution counting as 0;
 *     positive when the criterion gained points, unrounded
 */
public record CriterionChange(
    String criterion,
    BigDecimal inputBefore,
    BigDecimal inputAfter,
    boolean inputChanged,
    BigDecimal contributionBefore,
    BigDecimal contributionAfter,
    BigDecimal points) {}
