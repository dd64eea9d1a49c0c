package io.kam.kpi.domain.ingest;

import io.kam.kpi.domain.account.AccountRef;
import io.kam.kpi.domain.account.AccountResolver;
import io.kam.kpi.domain.account.Resolution;
import io.kam.kpi.domain.kpi.AggregateRepository;
import io.kam.kpi.domain.kpi.SurveyDeltas;
import io.kam.kpi.domain.snapshot.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Bulk upsert of survey responses; same transaction shape as {@link RevenueIngestService}. */
@ApplicationScoped
public class SurveyIngestService {

  private final SurveyResponseRepository responses;
  private final AggregateRepository aggregates;
  private final AccountResolver resolver;
  private final SnapshotService snapshots;

  public SurveyIngestService(SurveyResponseRepository responses, AggregateRepository aggregates,
      AccountResolver resolver, SnapshotService snapshots) {
    this.responses = responses;
    this.aggregates = aggregates;
    this.resolver = resolver;
    this.snapshots = snapshots;
  }

  @Transactional
  public List<ItemResult> ingest(List<SurveyResponseItem> items) {
    ItemResult[] results = new ItemResult[items.size()];
    List<Integer> accepted = BulkScreen.screen(items, results, SurveyResponseItem::errors);
    List<SurveyResponseItem> acceptedItems = accepted.stream().map(items::get).toList();
    Map<AccountRef, Resolution> accounts = resolver.resolve(
        acceptedItems.stream().filter(i -> !i.isVoid()).map(BulkItem::accountRef).toList());
    Map<String, StoredSurveyResponse> stored = responses.lockByKeys(acceptedItems);

    List<StoredSurveyResponse> inserts = new ArrayList<>();
    List<StoredSurveyResponse> updates = new ArrayList<>();
    SurveyDeltas deltas = new SurveyDeltas();
    Set<UUID> touched = new TreeSet<>();
    for (int i : accepted) {
      SurveyResponseItem item = items.get(i);
      StoredSurveyResponse old = stored.get(item.key());
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
      StoredSurveyResponse response = new StoredSurveyResponse(old == null ? null : old.id(), item.source(),
          item.externalId(), account.accountId(), item.accountRef(), item.kind().name(),
          item.score().intValueExact(), item.respondedAt(), false);
      ItemResult.Status status;
      if (old == null) {
        inserts.add(response);
        status = ItemResult.Status.CREATED;
      } else if (old.sameAs(response)) {
        status = ItemResult.Status.UNCHANGED;
      } else {
        updates.add(response);
        takeBack(old, deltas, touched);
        status = old.voided() ? ItemResult.Status.CREATED : ItemResult.Status.UPDATED;
      }
      if (status != ItemResult.Status.UNCHANGED && response.counted()) {
        deltas.add(response.accountId(), response.month(),
            SurveyDeltas.Counts.of(response.kind(), response.score(), 1));
        touched.add(response.accountId());
      }
      results[i] = ItemResult.of(item, status, account.pending());
    }
    responses.insert(inserts);
    responses.update(updates);
    aggregates.apply(deltas);
    snapshots.refresh(touched);
    return Arrays.asList(results);
  }

  private static void takeBack(StoredSurveyResponse old, SurveyDeltas deltas, Set<UUID> touched) {
    if (old.counted()) {
      deltas.add(old.accountId(), old.month(), SurveyDeltas.Counts.of(old.kind(), old.score(), -1));
      touched.add(old.accountId());
    }
  }
}
