package io.kam.kpi.domain.snapshot;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.account.AccountRepository;
import io.kam.kpi.domain.account.AccountRow;
import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import io.kam.kpi.domain.calc.SnapshotCalculator;
import io.kam.kpi.domain.kpi.AggregateRepository;
import io.kam.kpi.domain.kpi.FreshnessPolicy;
import io.kam.kpi.domain.kpi.InputDatesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** The snapshot reads: the last published one, or one as of an earlier month. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SnapshotReads {

  private final AccountRepository accounts;
  private final AggregateRepository aggregates;
  private final InputDatesRepository inputDates;
  private final SnapshotRepository snapshots;
  private final SnapshotService service;
  private final FreshnessPolicy freshness;
  private final KamClock clock;

  public SnapshotReads(
      AccountRepository accounts,
      AggregateRepository aggregates,
      InputDatesRepository inputDates,
      SnapshotRepository snapshots,
      SnapshotService service,
      FreshnessPolicy freshness,
      KamClock clock) {
    this.accounts = accounts;
    this.aggregates = aggregates;
    this.inputDates = inputDates;
    this.snapshots = snapshots;
    this.service = service;
    this.freshness = freshness;
    this.clock = clock;
  }

  /**
   * The snapshot as last published on kam.kpi.snapshot.v1 (its asOfMonth may lag the clock by the
   * few minutes the month-turn job takes); computed as of the current month when none was stored.
   */
  public SnapshotReading latest(UUID accountId) {
    AccountRow account = live(accountId);
    StoredSnapshot stored = snapshots.find(List.of(accountId)).get(accountId);
    if (stored == null) {
      return compute(account, service.currentAsOfMonth());
    }
    return new SnapshotReading(
        accountId,
        stored.asOfMonth(),
        stored.values(),
        stored.inputs(),
        freshness.of(stored.inputs(), referenceDay(stored.asOfMonth())),
        stored.publishedAt());
  }

  /**
   * The snapshot as of {@code month}, computed exactly as the published one is (on the account's
   * current wallet: the read model keeps no wallet history); 422 for a month not complete yet.
   */
  public SnapshotReading asOf(UUID accountId, YearMonth month) {
    AccountRow account = live(accountId);
    YearMonth latest = service.currentAsOfMonth();
    if (month.isAfter(latest)) {
      throw ProblemException.unprocessable(
          "month: " + month + " is not complete yet; the latest snapshot is as of " + latest);
    }
    return compute(account, month);
  }

  private SnapshotReading compute(AccountRow account, YearMonth month) {
    List<UUID> id = List.of(account.id());
    KpiSnapshotValues values =
        SnapshotCalculator.compute(
            aggregates.revenue(id, month).get(account.id()),
            aggregates.surveys(id, month.minusMonths(11), month).get(account.id()),
            month,
            account.wallet());
    InputDates inputs = inputDates.upTo(id, month).get(account.id());
    return new SnapshotReading(
        account.id(), month, values, inputs, freshness.of(inputs, referenceDay(month)), null);
  }

  /**
   * Freshness is judged on the service clock's day; for a snapshot of an earlier month, on the last
   * day it was the latest snapshot (the last day of the month after), so an old snapshot tells how
   * fresh its inputs were then.
   */
  private LocalDate referenceDay(YearMonth asOfMonth) {
    LocalDate today = clock.today();
    LocalDate lastDayAsLatest = asOfMonth.plusMonths(1).atEndOfMonth();
    return lastDayAsLatest.isBefore(today) ? lastDayAsLatest : today;
  }

  private AccountRow live(UUID accountId) {
    return accounts
        .find(accountId)
        .filter(a -> !a.deleted())
        .orElseThrow(() -> ProblemException.notFound("no account " + accountId));
  }
}
