package io.kam.kpi.events;

import io.kam.chassis.rebuild.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * kpi's copy of the accounts (table {@code account}): kept from kam.account.events, with the tier
 * and type from kam.score.events, so a rebuild replays both. Revenue lines, survey responses,
 * aggregates and snapshots are kpi's own data and stay: they refer to accounts by id without a
 * foreign key, and count again as soon as the account is replayed.
 */
@ApplicationScoped
public class AccountsReadModel implements ReadModel {

  @Override
  public String name() {
    return "accounts";
  }

  @Override
  public List<Feed> feeds() {
    return List.of(
        new Feed("kam.account.events", "/account-service"),
        new Feed("kam.score.events", "/scoring-service"));
  }

  @Override
  public List<String> resetStatements() {
    return List.of("truncate account");
  }
}
