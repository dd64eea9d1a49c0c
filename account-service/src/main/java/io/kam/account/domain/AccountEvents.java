package io.kam.account.domain;

import io.kam.chassis.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What account changes announce: one event per change, through the outbox, keyed by account. */
@ApplicationScoped
public class AccountEvents {

  public static final String TOPIC = "kam.account.events";
  public static final String CREATED = "kam.account.created.v1";
  public static final String UPDATED = "kam.account.updated.v1";
  public static final String DELETED = "kam.account.deleted.v1";

  private final Outbox outbox;

  public AccountEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Must run in the transaction of the change. */
  public void publish(AccountChange change) {
    publishAll(List.of(change));
  }

  /**
   * One event per change, in list order (so per account in the order of its changes), written to
   * the outbox in one go. Must run in the transaction of the changes.
   */
  public void publishAll(List<AccountChange> changes) {
    outbox.addAll(TOPIC, changes.stream().map(AccountEvents::pending).toList());
  }

  private static Outbox.Pending pending(AccountChange change) {
    String subject = change.after().id().toString();
    return switch (change.operation()) {
      case CREATED ->
          new Outbox.Pending(
              CREATED, subject, AccountEventData.of(change.after(), change.changedFields()));
      case UPDATED ->
          new Outbox.Pending(
              UPDATED, subject, AccountEventData.of(change.after(), change.changedFields()));
      case DELETED ->
          new Outbox.Pending(
              DELETED,
              subject,
              new AccountDeletedData(
                  change.after().id(),
                  change.after().data().source(),
                  change.after().data().externalId(),
                  change.after().version()));
    };
  }
}
