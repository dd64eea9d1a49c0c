package io.kam.kpi.domain.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.kam.chassis.problem.Problem;
import io.kam.kpi.domain.account.AccountRef;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What revenue lines and survey responses share: the upsert key, the void flag, the account. */
public interface BulkItem {

  int MAX_TEXT = 200;

  String source();

  String externalId();

  Boolean deleted();

  UUID accountId();

  String accountSource();

  String accountExternalId();

  @JsonIgnore
  default boolean isVoid() {
    return Boolean.TRUE.equals(deleted());
  }

  /** The key compared exactly; null when the item lacks one (it is then rejected). */
  @JsonIgnore
  default String key() {
    return source() == null || externalId() == null ? null : source() + "\u0000" + externalId();
  }

  @JsonIgnore
  default AccountRef accountRef() {
    return accountId() != null
        ? AccountRef.byId(accountId())
        : AccountRef.byExternal(accountSource(), accountExternalId());
  }

  /** Checks shared by every item; a void needs only its key. */
  default List<Problem.FieldError> commonErrors() {
    List<Problem.FieldError> errors = new ArrayList<>();
    text(errors, "source", source(), true);
    text(errors, "externalId", externalId(), true);
    if (isVoid()) {
      return errors;
    }
    boolean byExternal = accountSource() != null || accountExternalId() != null;
    if (accountId() != null && byExternal) {
      errors.add(
          new Problem.FieldError(
              "accountId",
              "name the account by accountId or by accountSource + accountExternalId, not both"));
    } else if (accountId() == null && !byExternal) {
      errors.add(
          new Problem.FieldError("accountId", "required (or accountSource + accountExternalId)"));
    } else if (byExternal) {
      text(errors, "accountSource", accountSource(), true);
      text(errors, "accountExternalId", accountExternalId(), true);
    }
    return errors;
  }

  static void text(List<Problem.FieldError> errors, String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new Problem.FieldError(field, "required"));
      }
    } else if (value.length() > MAX_TEXT) {
      errors.add(new Problem.FieldError(field, "at most " + MAX_TEXT + " characters"));
    }
  }
}
