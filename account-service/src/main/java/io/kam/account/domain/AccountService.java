package io.kam.account.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.http.Preconditions;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Single-account writes with their rules: ownership, If-Match, external keys, hierarchy. The row is
 * a Hibernate entity ({@link AccountEntity}, version counted by Hibernate); its history, event and
 * change-feed entry are written by {@link AccountWriter#writeTrail}, as for a sync batch.
 */
@ApplicationScoped
@Transactional
public class AccountService {

  private final AccountEntityRepository entities;
  private final AccountRepository accounts;
  private final AccountWriter writer;
  private final Hierarchy hierarchy;
  private final KamClock clock;
  private final ObjectMapper json;

  public AccountService(
      AccountEntityRepository entities,
      AccountRepository accounts,
      AccountWriter writer,
      Hierarchy hierarchy,
      KamClock clock,
      ObjectMapper json) {
    this.entities = entities;
    this.accounts = accounts;
    this.writer = writer;
    this.hierarchy = hierarchy;
    this.clock = clock;
    this.json = json;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AccountView get(UUID id) {
    return AccountView.of(find(id));
  }

  /** The live account (404 otherwise). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Account find(UUID id) {
    return entities
        .findLive(id)
        .map(e -> e.toAccount(json))
        .orElseThrow(() -> AccountProblems.notFound(id));
  }

  /** The account as it is now, if {@code actor} may change it (404 / 403 otherwise); no lock. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AccountView checkWritable(UUID id, Actor actor) {
    Account current = find(id);
    if (!current.isWritableBy(actor)) {
      throw AccountProblems.notYours(id);
    }
    return AccountView.of(current);
  }

  public AccountView create(AccountData data, Actor actor) {
    if (data.ownerId() == null && actor.isKam() && !actor.writesAll()) {
      data = data.withOwner(actor.userId()); // a kam creates for itself unless it names an owner
    }
    data = dated(data, null);
    checkRef(data, null);
    checkParentWritable(data.parentId(), actor);
    hierarchy.checkParent(null, data.parentId());
    AccountEntity row = AccountEntity.created(UUID.randomUUID(), data, now(), json);
    entities.persist(row);
    entities.flush(); // the trail's rows refer to this one
    Account created = row.toAccount(json);
    writer.writeTrail(List.of(AccountChange.created(created)), actor.origin());
    return AccountView.of(created);
  }

  /** Replaces every field; an identical replacement changes nothing (same version, no event). */
  public AccountView replace(UUID id, String ifMatch, AccountData data, Actor actor) {
    return change(id, ifMatch, current -> data, actor);
  }

  /**
   * Replaces the account with {@code edit} of its locked current data (a merge patch): computed
   * under the row lock, so even with {@code If-Match: *} it never undoes a concurrent change.
   */
  public AccountView change(UUID id, String ifMatch, UnaryOperator<AccountData> edit, Actor actor) {
    AccountEntity row = writableRow(id, actor);
    Account current = row.toAccount(json);
    Preconditions.requireIfMatch(ifMatch, current.version());
    AccountData data = dated(edit.apply(current.data()), current.data());
    if (data.equals(current.data())) {
      return AccountView.of(current);
    }
    checkRef(data, current.data());
    if (!Objects.equals(data.parentId(), current.data().parentId())) {
      checkParentWritable(data.parentId(), actor);
      hierarchy.checkParent(id, data.parentId());
    }
    row.apply(data, now(), json);
    entities.flush(); // Hibernate counts the version here
    Account updated = row.toAccount(json);
    writer.writeTrail(List.of(AccountChange.updated(current, updated)), actor.origin());
    return AccountView.of(updated);
  }

  /**
   * A soft delete: the row stays (its history too) with {@code deleted_at} set and a new version.
   */
  public void delete(UUID id, String ifMatch, Actor actor) {
    AccountEntity row = writableRow(id, actor);
    Account current = row.toAccount(json);
    Preconditions.requireIfMatch(ifMatch, current.version());
    hierarchy.checkDeletable(id);
    AccountChange change = AccountChange.deleted(current, now());
    row.deletedAt = change.deletedAt();
    row.updatedAt = change.deletedAt();
    entities.flush();
    writer.writeTrail(List.of(change), actor.origin());
  }

  /** The live account, locked, if {@code actor} may change it (404 / 403 otherwise). */
  public Account writable(UUID id, Actor actor) {
    return writableRow(id, actor).toAccount(json);
  }

  private AccountEntity writableRow(UUID id, Actor actor) {
    AccountEntity row =
        entities.findLiveForUpdate(id).orElseThrow(() -> AccountProblems.notFound(id));
    if (!row.toAccount(json).isWritableBy(actor)) {
      throw AccountProblems.notYours(id);
    }
    return row;
  }

  /**
   * Hanging an account below a parent changes the parent's hierarchy and its includeChildren KPIs,
   * so the caller must be allowed to write the parent too (403 otherwise). Leaving a parent needs
   * only the child: where her own account belongs is its owner's call. An unknown parent is left to
   * {@link Hierarchy#checkParent} (422).
   */
  private void checkParentWritable(UUID parent, Actor actor) {
    if (parent == null || actor.writesAll()) {
      return;
    }
    entities
        .findLive(parent)
        .map(p -> p.toAccount(json))
        .filter(p -> !p.isWritableBy(actor))
        .ifPresent(
            p -> {
              throw AccountProblems.notYourParent(parent);
            });
  }

  private void checkRef(AccountData data, AccountData before) {
    if ((data.source() == null) != (data.externalId() == null)) {
      throw AccountProblems.halfRef();
    }
    if (!data.hasExternalRef()) {
      return;
    }
    ExternalRef ref = new ExternalRef(data.source(), data.externalId());
    if (before != null && ref.equals(new ExternalRef(before.source(), before.externalId()))) {
      return;
    }
    accounts.lockRefs(List.of(ref));
    if (!accounts.idsByRefs(List.of(ref)).isEmpty()) {
      throw AccountProblems.duplicateRef(ref);
    }
  }

  private AccountData dated(AccountData requested, AccountData before) {
    String problem = AssessmentDate.problem(requested, clock.today());
    if (problem != null) {
      throw ProblemException.invalid("assessedAt", problem);
    }
    return AssessmentDate.settle(requested, before, clock.today());
  }

  private Instant now() {
    return clock.now().truncatedTo(ChronoUnit.MICROS);
  }
}
