package io.kam.planning.domain;

import io.kam.chassis.messaging.SubjectNotKnownYet;
import io.kam.planning.domain.PartCommands.RiskCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reactions of docs/kpis-and-scores.md to other services' events. Each runs in the consumer's
 * transaction, which the chassis applies once per event id; an account not known yet parks the
 * event (thrown before anything changes), a deleted account makes it a no-op.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanReactions {

  static final int RISK_LIKELIHOOD = 4;
  static final int RISK_IMPACT = 5;

  private final AccountRepository accounts;
  private final PlanRepository plans;
  private final PlanService planService;
  private final PlanLifecycle lifecycle;
  private final RiskService risks;

  public PlanReactions(
      AccountRepository accounts,
      PlanRepository plans,
      PlanService planService,
      PlanLifecycle lifecycle,
      RiskService risks) {
    this.accounts = accounts;
    this.plans = plans;
    this.planService = planService;
    this.lifecycle = lifecycle;
    this.risks = risks;
  }

  /** Key designated: a DRAFT plan, unless the account has a DRAFT or live plan already. */
  public void keyDesignated(UUID accountId) {
    Optional<Account> account = activeAccount(accountId);
    if (account.isEmpty()
        || plans.draft(accountId).isPresent()
        || plans.live(accountId).isPresent()) {
      return;
    }
    planService.createDraftFor(account.get(), StatusReason.KEY_DESIGNATED);
  }

  /** Key revoked: the DRAFT plan is archived; a live plan stays. */
  public void keyRevoked(UUID accountId) {
    if (activeAccount(accountId).isEmpty()) {
      return;
    }
    plans
        .draft(accountId)
        .ifPresent(p -> lifecycle.apply(p, PlanTransition.ARCHIVE, StatusReason.KEY_REVOKED));
  }

  /**
   * Defection risk HIGH: the live plan goes under review and gains the risk; else the DRAFT gains
   * it.
   */
  public void riskBecameHigh(UUID accountId, List<String> reasons) {
    if (activeAccount(accountId).isEmpty()) {
      return;
    }
    Optional<Plan> target = plans.live(accountId).or(() -> plans.draft(accountId));
    if (target.isEmpty()) {
      return;
    }
    Plan plan = target.get();
    if (plan.status == PlanStatus.ACTIVE) {
      lifecycle.apply(plan, PlanTransition.SUBMIT_FOR_REVIEW, StatusReason.RISK_HIGH);
    } else if (plan.status == PlanStatus.UNDER_REVIEW) {
      // Already under review by hand: the risk raises the bar, a manager must now end the review.
      lifecycle.escalateReview(plan);
    }
    String signals = reasons.isEmpty() ? "no signals named" : String.join(", ", reasons);
    risks.addTo(
        plan,
        new RiskCommand("Defection risk HIGH: " + signals, RISK_LIKELIHOOD, RISK_IMPACT, null));
  }

  /** Account deleted: every plan of it that is not archived yet is archived. */
  public void accountDeleted(UUID accountId) {
    for (Plan p : plans.ofAccount(accountId)) {
      if (p.status != PlanStatus.ARCHIVED) {
        lifecycle.apply(p, PlanTransition.ARCHIVE, StatusReason.ACCOUNT_DELETED);
      }
    }
  }

  /** The account if known and not deleted; parks the event when it is not known yet. */
  private Optional<Account> activeAccount(UUID accountId) {
    Account a = accounts.findById(accountId);
    if (a == null) {
      throw new SubjectNotKnownYet(accountId.toString());
    }
    return a.deleted ? Optional.empty() : Optional.of(a);
  }
}
