package io.kam.scoring.domain;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The computed tier in force at the end of the previous calendar month (KEY hysteresis): the last
 * computed-tier change before the first instant of the current month, by the chassis clock. It
 * depends only on what was in force at that instant, not on the order data arrived in.
 */
@ApplicationScoped
public class MonthEndTiers {

  private final ComputedTierChangeRepository changes;
  private final KamClock clock;

  public MonthEndTiers(ComputedTierChangeRepository changes, KamClock clock) {
    this.changes = changes;
    this.clock = clock;
  }

  public Instant currentMonthStart() {
    return clock.currentMonth().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public Map<UUID, Tier> of(Collection<UUID> accountIds) {
    Map<UUID, Tier> tiers = new HashMap<>();
    changes
        .tiersBefore(accountIds, currentMonthStart())
        .forEach((id, tier) -> tiers.put(id, Tier.valueOf(tier)));
    return tiers;
  }

  public void record(UUID accountId, String tier) {
    ComputedTierChange c = new ComputedTierChange();
    c.accountId = accountId;
    c.at = clock.now();
    c.tier = tier;
    changes.persist(c);
  }
}
