package io.kam.account.domain;

import io.kam.chassis.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

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
    String subject = change.after().id().toString();
    switch (change.operation()) {
      case CREATED ->
          outbox.add(
              TOPIC, CREATED, subject, AccountEventData.of(change.after(), change.changedFields()));
      case UPDATED ->
          outbox.add(
              TOPIC, UPDATED, subject, AccountEventData.of(change.after(), change.changedFields()));
      case DELETED ->
          outbox.add(
              TOPIC,
              DELETED,
              subject,
              new AccountDeletedData(
                  change.after().id(),
                  change.after().data().source(),
                  change.after().data().externalId(),
                  change.after().version()));
    }
  }
}
