package io.kam.scoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * GET /accounts/{id}/score/diff: which inputs moved and the points each criterion gained or lost.
 */
public record DiffView(
    UUID accountId,
    long from,
    long to,
    BigDecimal scoreBefore,
    BigDecimal scoreAfter,
    BigDecimal scoreDelta,
    String tierBefore,
    String tierAfter,
    int modelVersionBefore,
    int modelVersionAfter,
    List<CriterionChangeView> criteria) {

  public record CriterionChangeView(
      String criterion,
      BigDecimal inputBefore,
      BigDecimal inputAfter,
      boolean inputChanged,
      BigDecimal contributionBefore,
      BigDecimal contributionAfter,
      BigDecimal points) {}
}
