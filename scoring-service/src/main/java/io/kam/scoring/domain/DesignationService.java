package io.kam.scoring.domain;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Manual designations: a manager sets the effective tier (KEY or STANDARD) with a reason and an
 * optional end date. The computed tier, type and risk stay the score's. An ended designation is
 * ignored at read time at once and closed (history, events) by the scheduled check.
 */
@ApplicationScoped
@Transactional
public class DesignationService {

  private final AccountRepository accounts;
  private final KamClock clock;
  private final Scorer scorer;

  public DesignationService(AccountRepository accounts, KamClock clock, Scorer scorer) {
    this.accounts = accounts;
    this.clock = clock;
    this.scorer = scorer;
  }

  public Account designate(UUID id, String tier, String reason, LocalDate endsOn, String by) {
    if (endsOn != null && !endsOn.isAfter(clock.today())) {
      throw ProblemException.invalid("endsOn", "must be after today (" + clock.today() + ")");
    }
    Account a = scoredAccount(id);
    a.designationTier = tier;
    a.designationReason = reason;
    a.designationEndsOn = endsOn;
    a.designationBy = by;
    a.designationAt = clock.now();
    scorer.designationChanged(a, Causes.DESIGNATION);
    return a;
  }

  public void remove(UUID id) {
    Account a = scoredAccount(id);
    if (a.designation(clock.today()) == null) {
      throw ProblemException.notFound("account " + id + " has no designation in force");
    }
    a.clearDesignation();
    scorer.designationChanged(a, Causes.DESIGNATION_REMOVED);
  }

  /** Closes every designation whose end date has come (history entry, events). */
  @Scheduled(
      every = "${kam.scoring.designations.check-every}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public void endDue() {
    List<Account> due = accounts.designationsEndedBy(clock.today());
    for (Account a : due) {
      a.clearDesignation();
      scorer.designationChanged(a, Causes.DESIGNATION_ENDED);
    }
  }

  private Account scoredAccount(UUID id) {
    Account a = accounts.findForUpdate(id);
    if (a == null || a.deleted || !a.scored) {
      throw ProblemException.notFound("no scored account " + id);
    }
    return a;
  }
}
