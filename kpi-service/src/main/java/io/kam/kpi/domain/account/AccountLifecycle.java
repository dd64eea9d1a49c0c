package io.kam.kpi.domain.account;

import io.kam.kpi.domain.ingest.BulkIngest;
import io.kam.kpi.domain.ingest.RevenueLines;
import io.kam.kpi.domain.ingest.SurveyResponses;
import io.kam.kpi.domain.snapshot.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to the read model when account-service speaks: an account becomes known (its pending
 * lines and responses start to count, its first snapshot is published), changes (the wallet moves
 * shareOfWallet), or is deleted (it vanishes from every KPI).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountLifecycle {

  private final AccountRepository accounts;
  private final BulkIngest ingest;
  private final RevenueLines lines;
  private final SurveyResponses responses;
  private final SnapshotService snapshots;

  public AccountLifecycle(
      AccountRepository accounts,
      BulkIngest ingest,
      RevenueLines lines,
      SurveyResponses responses,
      SnapshotService snapshots) {
    this.accounts = accounts;
    this.ingest = ingest;
    this.lines = lines;
    this.responses = responses;
    this.snapshots = snapshots;
  }

  public Optional<AccountRow> lock(UUID id) {
    return accounts.lock(id);
  }

  /**
   * Created or updated: store the account as described ({@code current} is its locked row, if
   * known) and attach items that named it. Cheap for what does not concern KPIs: an update of
   * fields this read model does not keep (a contact, say) writes nothing, and only a new account, a
   * new reference or a new wallet recomputes the snapshot.
   */
  public void upsert(Optional<AccountRow> current, AccountRow account) {
    if (current.isPresent() && sameKeptFields(current.get(), account)) {
      return;
    }
    boolean newReference =
        current.isEmpty()
            || !Objects.equals(current.get().source(), account.source())
            || !Objects.equals(current.get().externalId(), account.externalId());
    if (newReference) {
      List<AccountRef> refs = new ArrayList<>(List.of(AccountRef.byId(account.id())));
      if (account.source() != null && account.externalId() != null) {
        refs.add(AccountRef.byExternal(account.source(), account.externalId()));
      }
      // Same lock as an ingest storing pending items for these references: see AccountResolver.
      accounts.lockReferences(refs);
    }
    accounts.upsert(account);
    int attached = newReference ? attachPending(account) : 0;
    if (current.isEmpty() && attached == 0) {
      // Nothing can count for an id seen for the first time: no aggregate to read.
      snapshots.publishEmpty(account);
    } else if (attached > 0 || !sameWallet(current.get(), account)) {
      snapshots.refresh(Set.of(account.id()));
    }
  }

  public void delete(UUID id) {
    accounts.markDeleted(id);
  }

  public void score(UUID id, String tier, String type) {
    accounts.setScore(id, tier, type);
  }

  private int attachPending(AccountRow account) {
    return ingest.attachPending(lines, account.id(), account.source(), account.externalId())
        + ingest.attachPending(responses, account.id(), account.source(), account.externalId());
  }

  /** The fields of the read model an account event can change (tier and type come from scoring). */
  private static boolean sameKeptFields(AccountRow a, AccountRow b) {
    return Objects.equals(a.source(), b.source())
        && Objects.equals(a.externalId(), b.externalId())
        && Objects.equals(a.parentId(), b.parentId())
        && Objects.equals(a.ownerId(), b.ownerId())
        && Objects.equals(a.industry(), b.industry())
        && Objects.equals(a.country(), b.country())
        && Objects.equals(a.region(), b.region())
        && Objects.equals(a.name(), b.name())
        && sameWallet(a, b);
  }

  private static boolean sameWallet(AccountRow a, AccountRow b) {
    return a.wallet() == null
        ? b.wallet() == null
        : b.wallet() != null && a.wallet().compareTo(b.wallet()) == 0;
  }
}
