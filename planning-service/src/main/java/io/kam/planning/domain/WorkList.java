package io.kam.planning.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Caller;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.KamClock;
import io.kam.planning.domain.ActionRepository.WithAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A work list: someone's actions across plans (GET /api/v1/actions), ordered by due date. Actions
 * of COMPLETED or ARCHIVED plans are history, not work, and are left out.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkList {

  /** {@code ownerId=*}: everyone's actions. */
  public static final String EVERYONE = "*";

  private final ActionRepository actions;
  private final KamClock clock;
  private final Caller caller;

  public WorkList(ActionRepository actions, KamClock clock, Caller caller) {
    this.actions = actions;
    this.clock = clock;
    this.caller = caller;
  }

  /**
   * Whose actions a request lists (null: everyone's). Without {@code ownerId}: the caller's own. A
   * kam's work list is its own: asking for another user's (or everyone's) is 403. kam-manager,
   * admin, viewer and integration read anyone's, as they read every plan.
   */
  public String ownerFor(String ownerId) {
    if (ownerId == null || ownerId.isBlank()) {
      return caller.userId();
    }
    boolean own = ownerId.equals(caller.userId());
    if (!own
        && !caller.hasAnyRole(Roles.KAM_MANAGER, Roles.ADMIN, Roles.VIEWER, Roles.INTEGRATION)) {
      throw ProblemException.forbidden(
          "a kam's work list shows its own actions; another user's needs kam-manager or admin");
    }
    return EVERYONE.equals(ownerId) ? null : ownerId;
  }

  /** {@code overdue}: true only overdue actions, false only the others, null both. */
  public List<WithAccount> page(
      String ownerId, Boolean overdue, LocalDate afterDue, UUID afterId, int limit) {
    return actions.workList(ownerId, overdue, clock.today(), afterDue, afterId, limit);
  }
}
