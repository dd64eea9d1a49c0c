package io.kam.kpi.domain.ingest;

import io.kam.kpi.config.KpiConfig;
import io.kam.kpi.domain.Sql;
import io.kam.kpi.domain.account.AccountRef;
import io.kam.kpi.domain.account.AccountResolver;
import io.kam.kpi.domain.account.Resolution;
import io.kam.kpi.domain.kpi.AggregateRepository;
import io.kam.kpi.domain.kpi.RevenueDeltas;
import io.kam.kpi.domain.snapshot.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Bulk upsert of revenue lines. In one transaction: store the lines, adjust the monthly
 * aggregate by deltas (old values taken back, new ones added) and refresh the snapshot of every
 * touched account once, so a batch yields at most one event per account.
 */
@ApplicationScoped
public class RevenueIngestService {

  private final RevenueLineRepository lines;
  private final AggregateRepository aggregates;
  private final AccountResolver resolver;
  private final SnapshotService snapshots;
  private final KpiConfig config;

  public RevenueIngestService(RevenueLineRepository lines, AggregateRepository aggregates,
      AccountResolver resolver, SnapshotService snapshots, KpiConfig config) {
    this.lines = lines;
    this.aggregates = aggregates;
    this.resolver = resolver;
    this.snapshots = snapshots;
    this.config = config;
  }

  @Transactional
  public List<ItemResult> ingest(List<RevenueLineItem> items) {
    ItemResult[] results = new ItemResult[items.size()];
    List<Integer> accepted =
        BulkScreen.screen(items, results, item -> item.errors(config.reportingCurrency()));
    List<RevenueLineItem> acceptedItems = accepted.stream().map(items::get).toList();
    Map<AccountRef, Resolution> accounts = resolver.resolve(
        acceptedItems.stream().filter(i -> !i.isVoid()).map(BulkItem::accountRef).toList());
    Map<String, StoredRevenueLine> stored = lines.lockByKeys(acceptedItems);

    List<StoredRevenueLine> inserts = new ArrayList<>();
    List<StoredRevenueLine> updates = new ArrayList<>();
    RevenueDeltas deltas = new RevenueDeltas();
    Set<UUID> touched = new TreeSet<>();
    for (int i : accepted) {
      RevenueLineItem item = items.get(i);
      StoredRevenueLine old = stored.get(item.key());
      if (item.isVoid()) {
        if (old == null || old.voided()) {
          results[i] = ItemResult.of(item, ItemResult.Status.UNCHANGED, false);
          continue;
        }
        updates.add(old.voided(true));
        takeBack(old, deltas, touched);
        results[i] = ItemResult.of(item, ItemResult.Status.DELETED, false);
        continue;
      }
      Resolution account = accounts.get(item.accountRef());
      if (account.deleted()) {
        results[i] = ItemResult.rejected(item, BulkScreen.deletedAccount(item));
        continue;
      }
      StoredRevenueLine line = new StoredRevenueLine(old == null ? null : old.id(), item.source(),
          item.externalId(), account.accountId(), item.accountRef(), item.date(), item.productLine(),
          Sql.money(item.amount()), false);
      ItemResult.Status status;
      if (old == null) {
        inserts.add(line);
        status = ItemResult.Status.CREATED;
      } else if (old.sameAs(line)) {
        status = ItemResult.Status.UNCHANGED;
      } else {
        updates.add(line);
        takeBack(old, deltas, touched);
        status = old.voided() ? ItemResult.Status.CREATED : ItemResult.Status.UPDATED;
      }
      if (status != ItemResult.Status.UNCHANGED && line.counted()) {
        deltas.add(line.accountId(), YearMonth.from(line.date()), line.productLine(), line.amount());
        touched.add(line.accountId());
      }
      results[i] = ItemResult.of(item, status, account.pending());
    }
    lines.insert(inserts);
    lines.update(updates);
    aggregates.apply(deltas);
    snapshots.refresh(touched);
    return Arrays.asList(results);
  }

  private static void takeBack(StoredRevenueLine old, RevenueDeltas deltas, Set<UUID> touched) {
    if (old.counted()) {
      deltas.add(old.accountId(), YearMonth.from(old.date()), old.productLine(), old.amount().negate());
      touched.add(old.accountId());
    }
  }
}
