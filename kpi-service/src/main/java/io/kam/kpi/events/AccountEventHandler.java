package io.kam.kpi.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.chassis.messaging.SubjectNotKnownYet;
import io.kam.kpi.domain.account.AccountLifecycle;
import io.kam.kpi.domain.account.AccountRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Keeps the accounts read model in step with kam.account.events. */
@ApplicationScoped
public class AccountEventHandler implements EventHandler {

  static final String CREATED = "kam.account.created.v1";
  static final String UPDATED = "kam.account.updated.v1";
  static final String DELETED = "kam.account.deleted.v1";

  private final AccountLifecycle lifecycle;

  public AccountEventHandler(AccountLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public String topic() {
    return "kam.account.events";
  }

  /** Created and updated carry the whole account (the newest wins); a deletion is final. */
  @Override
  public Map<String, EventKind> types() {
    return Map.of(
        "kam.account.created.v1", EventKind.STATE,
        "kam.account.updated.v1", EventKind.STATE,
        "kam.account.deleted.v1", EventKind.FACT);
  }

  @Override
  public void apply(CloudEvent event) {
    UUID id = UUID.fromString(event.subject());
    Optional<AccountRow> current = lifecycle.lock(id);
    if (current.isPresent() && current.get().deleted()) {
      return; // a deleted account stays deleted; a re-created one arrives with a new id
    }
    switch (event.type()) {
      case CREATED -> lifecycle.upsert(current, read(id, event));
      case UPDATED -> {
        requireKnown(current, event);
        lifecycle.upsert(current, read(id, event));
      }
      case DELETED -> {
        requireKnown(current, event);
        lifecycle.delete(id);
      }
      default -> requireKnown(current, event); // other types: nothing to keep, order preserved
    }
  }

  private static void requireKnown(Optional<AccountRow> current, CloudEvent event) {
    if (current.isEmpty()) {
      throw new SubjectNotKnownYet(event.subject());
    }
  }

  /** The fields of an account event this read model keeps; the rest is ignored. */
  record AccountData(
      String source,
      String externalId,
      UUID parentId,
      String ownerId,
      String industry,
      String country,
      String region,
      BigDecimal potentialAnnualSpend,
      String name) {}

  private static AccountRow read(UUID id, CloudEvent event) {
    AccountData d = event.data(AccountData.class);
    return new AccountRow(
        id,
        d.source(),
        d.externalId(),
        d.parentId(),
        d.ownerId(),
        d.industry(),
        d.country(),
        d.region(),
        d.potentialAnnualSpend(),
        null,
        null,
        false,
        d.name());
  }
}
