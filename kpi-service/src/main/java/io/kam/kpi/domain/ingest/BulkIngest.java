package io.kam.kpi.domain.ingest;

import io.kam.chassis.sql.Jdbc;
import io.kam.kpi.domain.account.AccountPropagation;
import io.kam.kpi.domain.account.AccountRef;
import io.kam.kpi.domain.account.AccountResolver;
import io.kam.kpi.domain.account.Resolution;
import io.kam.kpi.domain.snapshot.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one bulk upsert, for every {@link BulkKind}. In one transaction: screen the items, resolve
 * their accounts, lock the stored items of their keys, store the new and changed ones, adjust the
 * aggregates by deltas (a changed or voided item first takes its old values back) and refresh the
 * snapshot of every touched account once, so a batch yields at most one event per account.
 */
@ApplicationScoped
public class BulkIngest {

  private final Jdbc jdbc;
  private final AccountResolver resolver;
  private final SnapshotService snapshots;
  private final TransactionSynchronizationRegistry transactions;
  private final AccountPropagation propagation;
  private final Map<BulkKind<?, ?>, BulkTable<?>> tables = new ConcurrentHashMap<>();

  public BulkIngest(
      Jdbc jdbc,
      AccountResolver resolver,
      SnapshotService snapshots,
      TransactionSynchronizationRegistry transactions,
      AccountPropagation propagation) {
    this.jdbc = jdbc;
    this.propagation = propagation;
    this.transactions = transactions;
    this.resolver = resolver;
    this.snapshots = snapshots;
  }

  @Transactional
  public <I extends BulkItem, S extends StoredItem<S>> List<ItemResult> ingest(
      BulkKind<I, S> kind, List<I> items) {
    return apply(kind, items);
  }

  /**
   * A dry run: the per-item results {@link #ingest} would give now, computed by the very same steps
   * (so they cannot disagree), in a transaction that is rolled back: no row, aggregate, snapshot or
   * event remains.
   */
  @Transactional
  public <I extends BulkItem, S extends StoredItem<S>> List<ItemResult> preview(
      BulkKind<I, S> kind, List<I> items) {
    List<ItemResult> results = apply(kind, items);
    transactions.setRollbackOnly();
    return results;
  }

  private <I extends BulkItem, S extends StoredItem<S>> List<ItemResult> apply(
      BulkKind<I, S> kind, List<I> items) {
    BulkTable<S> table = table(kind);
    ItemResult[] results = new ItemResult[items.size()];
    List<Integer> accepted = BulkScreen.screen(items, results, kind::errors);
    List<I> acceptedItems = accepted.stream().map(items::get).toList();
    Map<AccountRef, Resolution> accounts =
        resolver.resolve(
            acceptedItems.stream().filter(i -> !i.isVoid()).map(BulkItem::accountRef).toList());
    Map<String, S> stored = table.lockByKeys(acceptedItems);

    List<S> inserts = new ArrayList<>();
    List<S> updates = new ArrayList<>();
    Changes<S> changes = new Changes<>(kind.deltas());
    for (int i : accepted) {
      I item = items.get(i);
      S old = stored.get(item.key());
      if (item.isVoid()) {
        if (old == null || old.voided()) {
          results[i] = ItemResult.of(item, ItemResult.Status.UNCHANGED, false);
          continue;
        }
        updates.add(old.voided(true));
        changes.takeBack(old);
        results[i] = ItemResult.of(item, ItemResult.Status.DELETED, false);
        continue;
      }
      Resolution account = accounts.get(item.accountRef());
      if (account.deleted()) {
        results[i] = ItemResult.rejected(item, BulkScreen.deletedAccount(item));
        continue;
      }
      S next = kind.toStored(item, old == null ? null : old.id(), account.accountId());
      ItemResult.Status status;
      if (old == null) {
        inserts.add(next);
        status = ItemResult.Status.CREATED;
      } else if (old.sameAs(next)) {
        status = ItemResult.Status.UNCHANGED;
      } else {
        updates.add(next);
        changes.takeBack(old);
        status = old.voided() ? ItemResult.Status.CREATED : ItemResult.Status.UPDATED;
      }
      if (status != ItemResult.Status.UNCHANGED) {
        changes.add(next);
      }
      results[i] = ItemResult.of(item, status, account.pending());
    }
    table.insert(inserts);
    table.update(updates);
    changes.deltas.apply();
    snapshots.refresh(changes.touched, kind.changesRevenue());
    return withPendingReasons(Arrays.asList(results));
  }

  /**
   * Says why pending items wait. Asked only when some item is pending, so a batch of known accounts
   * never waits for Kafka's answer; read after the references were resolved, which is safe: an
   * account event applied meanwhile waits for this transaction's reference locks, so it still
   * counts as not consumed.
   */
  private List<ItemResult> withPendingReasons(List<ItemResult> results) {
    if (results.stream().noneMatch(r -> r.pending() != null)) {
      return results;
    }
    AccountPropagation.PendingReason reason = propagation.reasonNow();
    return results.stream().map(r -> r.withReason(reason)).toList();
  }

  /**
   * Attaches the items of {@code kind} that named the account before it was known and adds them to
   * the aggregates; the caller refreshes the account's snapshot. Returns how many were attached.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public <S extends StoredItem<S>> int attachPending(
      BulkKind<?, S> kind, UUID accountId, String source, String externalId) {
    Changes<S> changes = new Changes<>(kind.deltas());
    List<S> attached = table(kind).resolvePending(accountId, source, externalId);
    attached.forEach(changes::add);
    changes.deltas.apply();
    return attached.size();
  }

  /**
   * The items of {@code kind} waiting for their account, in arrival order after {@code afterId},
   * and why they wait (asked only when there are some).
   */
  @Transactional
  public <S extends StoredItem<S>> PendingPage<S> pending(
      BulkKind<?, S> kind, Long afterId, int limit) {
    List<S> items = table(kind).pending(afterId, limit);
    return new PendingPage<>(items, items.isEmpty() ? null : propagation.reasonNow());
  }

  /** A page of pending items and the reason they wait (null when there are none). */
  public record PendingPage<S>(List<S> items, AccountPropagation.PendingReason reason) {}

  @SuppressWarnings("unchecked")
  private <S extends StoredItem<S>> BulkTable<S> table(BulkKind<?, S> kind) {
    return (BulkTable<S>) tables.computeIfAbsent(kind, k -> new BulkTable<>(jdbc, kind));
  }

  /** The deltas of a batch and the accounts they touch. */
  private static final class Changes<S extends StoredItem<S>> {
    final BulkKind.Deltas<S> deltas;
    final Set<UUID> touched = new TreeSet<>();

    Changes(BulkKind.Deltas<S> deltas) {
      this.deltas = deltas;
    }

    void add(S item) {
      count(item, 1);
    }

    void takeBack(S old) {
      count(old, -1);
    }

    private void count(S item, int sign) {
      if (item.counted()) {
        deltas.add(item, sign);
        touched.add(item.accountId());
      }
    }
  }
}
