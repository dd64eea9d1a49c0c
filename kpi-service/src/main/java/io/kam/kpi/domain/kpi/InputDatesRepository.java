package io.kam.kpi.domain.kpi;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.calc.InputDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The freshness of accounts' inputs, read from the raw lines (the aggregates cannot tell a voided
 * line from a month that nets to zero): two queries whatever the number of accounts, each an index
 * lookup per account (revenue_line_by_account, survey_response_by_account).
 */
@ApplicationScoped
public class InputDatesRepository {

  /** No bound: every non-voided item counts, whatever its date. */
  private static final LocalDate NO_BOUND = LocalDate.of(9999, 12, 31);

  private final Jdbc jdbc;

  public InputDatesRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Each account's input dates over every stored item; accounts with none map to NONE. */
  public Map<UUID, InputDates> latest(Collection<UUID> accountIds) {
    return upTo(accountIds, null);
  }

  /**
   * Each account's input dates counting only items dated in {@code month} or before (a snapshot as
   * of that month); {@code month} null counts every item.
   */
  public Map<UUID, InputDates> upTo(Collection<UUID> accountIds, YearMonth month) {
    Map<UUID, YearMonth> revenue = new HashMap<>();
    Map<UUID, LocalDate> surveys = new HashMap<>();
    if (!accountIds.isEmpty()) {
      LocalDate lastDay = month == null ? NO_BOUND : month.atEndOfMonth();
      SqlParams params =
          SqlParams.of(
                  "lastDay",
                  lastDay,
                  "before",
                  lastDay.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
              .array("ids", "uuid", accountIds);
      jdbc.list(
          "select account_id, max(line_date) last_date from revenue_line"
              + " where account_id = any(:ids) and not voided and line_date <= :lastDay"
              + " group by account_id",
          params,
          r -> revenue.put(r.uuid("account_id"), YearMonth.from(r.date("last_date"))));
      jdbc.list(
          "select account_id, max(responded_at) last_at from survey_response"
              + " where account_id = any(:ids) and not voided and responded_at < :before"
              + " group by account_id",
          params,
          r ->
              surveys.put(
                  r.uuid("account_id"),
                  r.instant("last_at").atOffset(ZoneOffset.UTC).toLocalDate()));
    }
    Map<UUID, InputDates> result = new HashMap<>();
    for (UUID id : accountIds) {
      result.put(id, new InputDates(revenue.get(id), surveys.get(id)));
    }
    return result;
  }
}
