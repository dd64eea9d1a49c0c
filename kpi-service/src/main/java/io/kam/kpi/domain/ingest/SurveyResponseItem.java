package io.kam.kpi.domain.ingest;

import io.kam.chassis.problem.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One item of PUT /api/v1/survey-responses. */
public record SurveyResponseItem(
    String source,
    String externalId,
    Boolean deleted,
    UUID accountId,
    String accountSource,
    String accountExternalId,
    SurveyKind kind,
    BigDecimal score,
    Instant respondedAt)
    implements BulkItem {

  public enum SurveyKind {
    CSAT,
    NPS
  }

  public List<Problem.FieldError> errors() {
    List<Problem.FieldError> errors = commonErrors();
    if (isVoid()) {
      return errors;
    }
    if (kind == null) {
      errors.add(new Problem.FieldError("kind", "required: CSAT or NPS"));
    }
    if (respondedAt == null) {
      errors.add(new Problem.FieldError("respondedAt", "required"));
    }
    if (score == null) {
      errors.add(new Problem.FieldError("score", "required"));
    } else if (score.stripTrailingZeros().scale() > 0) {
      errors.add(new Problem.FieldError("score", "must be a whole number"));
    } else if (kind != null) {
      int min = kind == SurveyKind.CSAT ? 1 : 0;
      int max = kind == SurveyKind.CSAT ? 5 : 10;
      if (score.compareTo(BigDecimal.valueOf(min)) < 0
          || score.compareTo(BigDecimal.valueOf(max)) > 0) {
        errors.add(new Problem.FieldError("score", kind + " scores are " + min + ".." + max));
      }
    }
    return errors;
  }
}
