package io.kam.kpi.domain.ingest;

import io.kam.chassis.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One item of PUT /api/v1/revenue-lines; checked per item, so a bad one rejects only itself. */
public record RevenueLineItem(
    String source,
    String externalId,
    Boolean deleted,
    UUID accountId,
    String accountSource,
    String accountExternalId,
    LocalDate date,
    String productLine,
    BigDecimal amount,
    String currency)
    implements BulkItem {

  /** numeric(19,4): at most 15 digits before the point and 4 after. */
  static final int MAX_INTEGER_DIGITS = 15;

  static final int MAX_FRACTION_DIGITS = 4;

  public List<Problem.FieldError> errors(String reportingCurrency) {
    List<Problem.FieldError> errors = commonErrors();
    if (isVoid()) {
      return errors;
    }
    if (date == null) {
      errors.add(new Problem.FieldError("date", "required"));
    }
    BulkItem.text(errors, "productLine", productLine, true);
    if (amount == null) {
      errors.add(new Problem.FieldError("amount", "required"));
    } else {
      BigDecimal stripped = amount.stripTrailingZeros();
      if (stripped.scale() > MAX_FRACTION_DIGITS) {
        errors.add(new Problem.FieldError("amount", "at most 4 fraction digits"));
      } else if (stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
        errors.add(new Problem.FieldError("amount", "at most 15 digits before the decimal point"));
      }
    }
    if (currency != null && !currency.equals(reportingCurrency)) {
      errors.add(
          new Problem.FieldError(
              "currency",
              "amounts are in the reporting currency "
                  + reportingCurrency
                  + "; convert before sending"));
    }
    return errors;
  }
}
