package io.kam.account.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.time.KamClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Single-account writes with their rules: ownership, If-Match, external keys, hierarchy. */
@ApplicationScoped
@Transactional
public class AccountService {

  private final AccountRepository accounts;
  private final AccountWriter writer;
  private final Hierarchy hierarchy;
  private final KamClock clock;

  public AccountService(AccountRepository accounts, AccountWriter writer, Hierarchy hierarchy, KamClock clock) {
    this.accounts = accounts;
    this.writer = writer;
    this.hierarchy = hierarchy;
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public AccountView get(UUID id) {
    return AccountView.of(accounts.find(id).orElseThrow(() -> AccountProblems.notFound(id)));
  }

  /** The account as it is now, if {@code actor} may change it (404 / 403 otherwise); no lock. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AccountView checkWritable(UUID id, Actor actor) {
    Account current = accounts.find(id).orElseThrow(() -> AccountProblems.notFound(id));
    if (!current.isWritableBy(actor)) {
      throw AccountProblems.notYours(id);
    }
    return AccountView.of(current);
  }

  public AccountView create(AccountData data, Actor actor) {
    if (data.ownerId() == null && actor.isKam() && !actor.writesAll()) {
      data = data.withOwner(actor.userId()); // a kam creates for itself unless it names an owner
    }
    checkRef(data, null);
    checkParentWritable(data.parentId(), actor);
    hierarchy.checkParent(null, data.parentId());
    Instant now = now();
    Account created = new Account(UUID.randomUUID(), data, now, now, 1);
    writer.write(List.of(AccountChange.created(created)), actor.origin());
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
    Account current = writable(id, actor);
    Preconditions.requireIfMatch(ifMatch, current.version());
    AccountData data = edit.apply(current.data());
    if (data.equals(current.data())) {
      return AccountView.of(current);
    }
    checkRef(data, current.data());
    if (!Objects.equals(data.parentId(), current.data().parentId())) {
      checkParentWritable(data.parentId(), actor);
      hierarchy.checkParent(id, data.parentId());
    }
    Account updated = new Account(id, data, current.createdAt(), now(), current.version() + 1);
    writer.write(List.of(AccountChange.updated(current, updated)), actor.origin());
    return AccountView.of(updated);
  }

  public void delete(UUID id, String ifMatch, Actor actor) {
    Account current = writable(id, actor);
    Preconditions.requireIfMatch(ifMatch, current.version());
    hierarchy.checkDeletable(id);
    writer.write(List.of(AccountChange.deleted(current, now())), actor.origin());
  }

  /** The live account, locked, if {@code actor} may change it (404 / 403 otherwise). */
  public Account writable(UUID id, Actor actor) {
    Account current = accounts.findForUpdate(id).orElseThrow(() -> AccountProblems.notFound(id));
    if (!current.isWritableBy(actor)) {
      throw AccountProblems.notYours(id);
    }
    return current;
  }

  /**
   * Hanging an account below a parent changes the parent's hierarchy and its includeChildren KPIs,
   * so the caller must be allowed to write the parent too (403 otherwise). Leaving a parent needs
   * only the child: where her own account belongs is its owner's call. An unknown parent is left
   * to {@link Hierarchy#checkParent} (422).
   */
  private void checkParentWritable(UUID parent, Actor actor) {
    if (parent == null || actor.writesAll()) {
      return;
    }
    accounts.find(parent).filter(p -> !p.isWritableBy(actor)).ifPresent(p -> {
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

  private Instant now() {
    return clock.now().truncatedTo(ChronoUnit.MICROS);
  }
}
