package io.kam.account.domain;

import java.util.Arrays;
import java.util.Optional;

/** The orders a list offers; each ends with the id so it is total and a cursor is exact. */
public enum AccountSort {
  NAME("name", "name", false),
  NAME_DESC("-name", "name", true),
  UPDATED("updatedAt", "updated_at", false),
  UPDATED_DESC("-updatedAt", "updated_at", true),
  CREATED("createdAt", "created_at", false),
  CREATED_DESC("-createdAt", "created_at", true);

  public final String param;
  final String column;
  final boolean descending;

  AccountSort(String param, String column, boolean descending) {
    this.param = param;
    this.column = column;
    this.descending = descending;
  }

  public static Optional<AccountSort> parse(String param) {
    String p = param == null || param.isBlank() ? "name" : param.trim();
    return Arrays.stream(values()).filter(s -> s.param.equals(p)).findFirst();
  }

  /** The sort key of {@code a} as the cursor carries it. */
  public String keyOf(AccountView a) {
    return switch (this) {
      case NAME, NAME_DESC -> a.name();
      case UPDATED, UPDATED_DESC -> a.updatedAt().toString();
      case CREATED, CREATED_DESC -> a.createdAt().toString();
    };
  }

  boolean isTime() {
    return !column.equals("name");
  }
}
