package io.kam.planning.events;

import io.kam.chassis.messaging.CloudEvent;
import io.kam.chassis.messaging.EventHandler;
import io.kam.chassis.messaging.EventKind;
import io.kam.planning.domain.AccountDirectory;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** kam.account.events: keeps the account read model (name, owner, team, deleted). */
@ApplicationScoped
public class AccountEventsHandler implements EventHandler {

  private final AccountDirectory accounts;

  public AccountEventsHandler(AccountDirectory accounts) {
    this.accounts = accounts;
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

  /** What planning keeps of a created or updated account. */
  public record AccountData(String name, String ownerId, List<TeamMember> team) {

    public record TeamMember(String userId) {}

    List<String> teamIds() {
      return team == null
          ? List.of()
          : team.stream().map(TeamMember::userId).filter(Objects::nonNull).toList();
    }
  }

  @Override
  public void apply(CloudEvent event) {
    UUID id = UUID.fromString(event.subject());
    switch (event.type()) {
      // both carry the full account, so an update seen before its create is enough on its own
      case "kam.account.created.v1", "kam.account.updated.v1" -> {
        AccountData d = event.data(AccountData.class);
        accounts.upsert(id, d.name(), d.ownerId(), d.teamIds());
      }
      case "kam.account.deleted.v1" -> accounts.delete(id);
      default -> Log.debugf("ignoring %s", event.type());
    }
  }
}
