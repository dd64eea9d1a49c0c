package io.kam.planning.domain;

import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.ActionRepository.WithAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A KAM's actions across plans (GET /api/v1/actions), ordered by due date. Actions of COMPLETED or
 * ARCHIVED plans are history, not work, and are left out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkList {

  private final ActionRepository actions;
  private final KamClock clock;

  public WorkList(ActionRepository actions, KamClock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  /** {@code overdue}: true only overdue actions, false only the others, null both. */
  public List<WithAccount> page(
      String ownerId, Boolean overdue, LocalDate afterDue, UUID afterId, int limit) {
    return actions.workList(ownerId, overdue, clock.today(), afterDue, afterId, limit);
  }
}
