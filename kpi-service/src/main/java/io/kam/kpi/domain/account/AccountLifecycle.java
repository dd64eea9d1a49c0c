package io.kam.kpi.domain.account;

import io.kam.kpi.domain.ingest.BulkIngest;
import io.kam.kpi.domain.ingest.RevenueLines;
import io.kam.kpi.domain.ingest.SurveyResponses;
import io.kam.kpi.domain.snapshot.SnapshotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
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

  /** Created or updated: store the account as described and attach items that named it. */
  public void upsert(AccountRow account) {
    List<AccountRef> refs = new ArrayList<>(List.of(AccountRef.byId(account.id())));
    if (account.source() != null && account.externalId() != null) {
      refs.add(AccountRef.byExternal(account.source(), account.externalId()));
    }
    // Same lock as an ingest storing pending items for these references: see AccountResolver.
    accounts.lockReferences(refs);
    accounts.upsert(account);
    attachPending(account);
    snapshots.refresh(Set.of(account.id()));
  }

  public void delete(UUID id) {
    accounts.markDeleted(id);
  }

  public void score(UUID id, String tier, String type) {
    accounts.setScore(id, tier, type);
  }

  private void attachPending(AccountRow account) {
    ingest.attachPending(lines, account.id(), account.source(), account.externalId());
    ingest.attachPending(responses, account.id(), account.source(), account.externalId());
  }
}
