package io.kam.scoring.domain;

import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The computed tier in force at the end of the previous calendar month (KEY hysteresis): the last
 * computed-tier change before the first instant of the current month, by the chassis clock. It
 * depends only on what was in force at that instant, not on the order data arrived in.
 */
@ApplicationScoped
public class MonthEndTiers {

  private final EntityManager em;
  private final KamClock clock;

  public MonthEndTiers(EntityManager em, KamClock clock) {
    this.em = em;
    this.clock = clock;
  }

  public Instant currentMonthStart() {
    return clock.currentMonth().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public Tier of(UUID accountId) {
    List<?> rows =
        em.createNativeQuery(
                "select tier from computed_tier_change where account_id = ?1 and at < ?2"
                    + " order by at desc, id desc limit 1")
            .setParameter(1, accountId)
            .setParameter(2, currentMonthStart())
            .getResultList();
    return rows.isEmpty() ? null : Tier.valueOf((String) rows.get(0));
  }

  public Map<UUID, Tier> of(Collection<UUID> accountIds) {
    Map<UUID, Tier> tiers = new HashMap<>();
    if (accountIds.isEmpty()) {
      return tiers;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select distinct on (account_id) account_id, tier from computed_tier_change"
                    + " where account_id in (?1) and at < ?2 order by account_id, at desc, id desc")
            .setParameter(1, accountIds)
            .setParameter(2, currentMonthStart())
            .getResultList();
    rows.forEach(r -> tiers.put((UUID) r[0], Tier.valueOf((String) r[1])));
    return tiers;
  }

  public void record(UUID accountId, String tier) {
    ComputedTierChange c = new ComputedTierChange();
    c.accountId = accountId;
    c.at = clock.now();
    c.tier = tier;
    em.persist(c);
  }
}
