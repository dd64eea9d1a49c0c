package io.kam.scoring.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Rescoring jobs (identity ids, so a Long-keyed repository). */
@ApplicationScoped
public class RescoringJobRepository implements PanacheRepository<RescoringJob> {

  public Optional<RescoringJob> latestOf(UUID modelId) {
    return find("modelId", Sort.descending("id"), modelId).firstResultOptional();
  }

  /**
   * A running job of an earlier model is superseded by a new activation, which rescores everyone.
   */
  public void cancelRunning() {
    update("status = ?1 where status = ?2", RescoringJob.CANCELLED, RescoringJob.RUNNING);
  }

  /** The oldest running job, locked; empty also when another instance holds it. */
  public Optional<RescoringJob> takeRunning() {
    @SuppressWarnings("unchecked")
    List<RescoringJob> jobs =
        getEntityManager()
            .createNativeQuery(
                "select * from rescoring_job where status = 'RUNNING' order by id limit 1"
                    + " for update skip locked",
                RescoringJob.class)
            .getResultList();
    return jobs.stream().findFirst();
  }
}
