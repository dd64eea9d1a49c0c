package io.kam.scoring.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Many scored accounts at once, straight through the scorer (as if their events had arrived). */
@ApplicationScoped
public class PortfolioSeed {

  private final EntityManager em;
  private final ModelCatalog models;
  private final Scorer scorer;

  public PortfolioSeed(EntityManager em, ModelCatalog models, Scorer scorer) {
    this.em = em;
    this.models = models;
    this.scorer = scorer;
  }

  /**
   * {@code count} accounts of {@code ownerId}: even ones with revenue 5 000 (below every LOG
   * minimum, normalized 0 whatever the maximum), odd ones with revenue 1 000 000.
   */
  public List<UUID> scoredAccounts(String ownerId, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int from = 0; from < count; from += 500) {
      int start = from;
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                var spec = models.activeSpec();
                for (int i = start; i < Math.min(start + 500, count); i++) {
                  Account a = new Account();
                  a.id = UUID.randomUUID();
                  a.name = "Seeded " + i;
                  a.ownerId = ownerId;
                  a.strategicAlignment = 3;
                  a.marketInfluence = 3;
                  a.fit = 3;
                  a.partnership = 3;
                  a.hasSnapshot = true;
                  a.t12mRevenue = i % 2 == 0 ? new BigDecimal("5000") : new BigDecimal("1000000");
                  a.npsT12m = BigDecimal.TEN;
                  em.persist(a);
                  scorer.rescore(a, spec, null, Causes.SNAPSHOT);
                  ids.add(a.id);
                }
              });
    }
    return ids;
  }
}
