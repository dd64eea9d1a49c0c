package io.kam.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Computed-tier changes: the tier in force at an instant is the last change before it. */
@ApplicationScoped
public class ComputedTierChangeRepository implements PanacheRepository<ComputedTierChange> {

  /**
   * The tier in force just before {@code at} of each of {@code accounts} that had one (one query).
   */
  public Map<UUID, String> tiersBefore(Collection<UUID> accounts, Instant at) {
    Map<UUID, String> tiers = new HashMap<>();
    if (accounts.isEmpty()) {
      return tiers;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "select distinct on (account_id) account_id, tier from computed_tier_change"
                    + " where account_id in (?1) and at < ?2 order by account_id, at desc, id desc")
            .setParameter(1, accounts)
            .setParameter(2, at)
            .getResultList();
    rows.forEach(r -> tiers.put((UUID) r[0], (String) r[1]));
    return tiers;
  }
}
