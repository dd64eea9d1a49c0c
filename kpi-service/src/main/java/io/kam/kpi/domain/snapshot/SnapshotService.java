package io.kam.kpi.domain.snapshot;

import io.kam.chassis.messaging.Outbox;
import io.kam.chassis.time.KamClock;
import io.kam.kpi.domain.account.AccountRepository;
import io.kam.kpi.domain.account.AccountRow;
import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.RevenueHistory;
import io.kam.kpi.domain.calc.SnapshotCalculator;
import io.kam.kpi.domain.calc.SurveyHistory;
import io.kam.kpi.domain.kpi.AggregateRepository;
import io.kam.kpi.domain.kpi.InputDatesRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Computes KPI snapshots and publishes those whose values differ from the last published one. Each
 * account's row is locked first, so snapshots of one account are computed one at a time and a later
 * computation always sees every batch committed before it.
 */
@ApplicationScoped
public class SnapshotService {

  private final AccountRepository accounts;
  private final AggregateRepository aggregates;
  private final InputDatesRepository inputDates;
  private final SnapshotRepository snapshots;
  private final Outbox outbox;
  private final KamClock clock;

  public SnapshotService(
      AccountRepository accounts,
      AggregateRepository aggregates,
      InputDatesRepository inputDates,
      SnapshotRepository snapshots,
      Outbox outbox,
      KamClock clock) {
    this.accounts = accounts;
    this.aggregates = aggregates;
    this.inputDates = inputDates;
    this.snapshots = snapshots;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * After a change of these accounts' data: recomputes their first-revenue months and their
   * snapshots as of the last complete month (live accounts only).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void refresh(Collection<UUID> accountIds) {
    refresh(accountIds, true);
  }

  /**
   * As {@link #refresh(Collection)}; {@code revenueChanged} false (a batch of survey responses)
   * keeps the first-revenue months, which only revenue moves (deleting and rewriting them was most
   * of a survey batch's writes).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void refresh(Collection<UUID> accountIds, boolean revenueChanged) {
    List<AccountRow> locked = accounts.lockLive(accountIds);
    if (revenueChanged) {
      // Under the account locks, so concurrent batches of one account recompute one after the
      // other.
      aggregates.refreshFirstRevenue(locked.stream().map(AccountRow::id).toList());
    }
    refreshLocked(locked, currentAsOfMonth());
  }

  /**
   * The first snapshot of an account seen for the first time with nothing counted for it yet: its
   * values follow from empty histories, so no aggregate is read.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void publishEmpty(AccountRow account) {
    if (!snapshots.find(List.of(account.id())).isEmpty()) {
      // Seen before: the accounts read model is being rebuilt from the topic, and the account's
      // lines still count. Recompute, publishing only if the values differ from the last ones.
      refresh(List.of(account.id()));
      return;
    }
    YearMonth asOf = currentAsOfMonth();
    Map<UUID, Snapshot> first =
        Map.of(
            account.id(),
            new Snapshot(
                SnapshotCalculator.compute(
                    RevenueHistory.empty(), SurveyHistory.empty(), asOf, account.wallet()),
                InputDates.NONE));
    snapshots.savePublished(asOf, first);
    publish(asOf, first);
  }

  /**
   * One step of the month turn: the next accounts not yet recomputed for the current as-of month;
   * returns how many were processed (0 when the turn is complete).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int turnMonthBatch(int batchSize) {
    YearMonth asOf = currentAsOfMonth();
    List<AccountRow> batch = accounts.lockStale(asOf, batchSize);
    refreshLocked(batch, asOf);
    return batch.size();
  }

  public YearMonth currentAsOfMonth() {
    return SnapshotCalculator.asOfMonth(clock.now());
  }

  /**
   * Computes the locked accounts' snapshots from their aggregates and input dates, read for all of
   * them at once, and writes what changed in a constant number of statements: the new snapshots in
   * one, the unchanged ones marked recomputed in one, and the events of the changed ones in one
   * outbox call.
   */
  private void refreshLocked(List<AccountRow> locked, YearMonth asOf) {
    if (locked.isEmpty()) {
      return;
    }
    List<UUID> ids = locked.stream().map(AccountRow::id).toList();
    Map<UUID, RevenueHistory> revenue = aggregates.revenue(ids, asOf);
    Map<UUID, SurveyHistory> surveys = aggregates.surveys(ids, asOf.minusMonths(11), asOf);
    Map<UUID, InputDates> inputs = inputDates.upTo(ids, asOf);
    Map<UUID, StoredSnapshot> previous = snapshots.find(ids);
    Map<UUID, Snapshot> changed = new LinkedHashMap<>();
    List<UUID> recomputed = new ArrayList<>();
    for (AccountRow account : locked) {
      Snapshot snapshot =
          new Snapshot(
              SnapshotCalculator.compute(
                  revenue.get(account.id()), surveys.get(account.id()), asOf, account.wallet()),
              inputs.get(account.id()));
      StoredSnapshot last = previous.get(account.id());
      if (last == null || !last.sameAs(snapshot)) {
        changed.put(account.id(), snapshot);
      } else if (!last.computedMonth().equals(asOf)) {
        recomputed.add(account.id());
      }
    }
    snapshots.savePublished(asOf, changed);
    snapshots.markComputed(recomputed, asOf);
    publish(asOf, changed);
  }

  /** One event per changed account, all in one outbox call (a constant number of statements). */
  private void publish(YearMonth asOf, Map<UUID, Snapshot> changed) {
    outbox.addAll(
        SnapshotEvent.TOPIC,
        changed.entrySet().stream()
            .map(
                e ->
                    new Outbox.Pending(
                        SnapshotEvent.TYPE,
                        e.getKey().toString(),
                        SnapshotEvent.of(e.getKey(), asOf, e.getValue())))
            .toList());
  }
}
