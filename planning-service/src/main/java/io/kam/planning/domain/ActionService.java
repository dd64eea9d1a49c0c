package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PartRequests.ActionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Actions of a plan; without an owner an action belongs to the plan's owner. */
@ApplicationScoped
@Transactional
public class ActionService implements PartService<PlanAction, ActionRequest> {

  private final EntityManager em;
  private final Plans plans;
  private final PlanParts parts;
  private final KamClock clock;

  public ActionService(EntityManager em, Plans plans, PlanParts parts, KamClock clock) {
    this.em = em;
    this.plans = plans;
    this.parts = parts;
    this.clock = clock;
  }

  public PlanAction create(UUID planId, ActionRequest req) {
    Plan plan = parts.writable(planId);
    PlanAction a = new PlanAction();
    a.id = UUID.randomUUID();
    a.planId = planId;
    a.createdAt = clock.now();
    apply(plan, a, req);
    em.persist(a);
    em.flush();
    return a;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PlanAction> list(UUID planId) {
    plans.get(planId);
    return plans.partsOf(PlanAction.class, planId, "x.dueDate, x.id");
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID planId) {
    parts.checkWritable(planId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public PlanAction get(UUID planId, UUID id) {
    return plans.part(PlanAction.class, planId, id, false);
  }

  public PlanAction update(UUID planId, UUID id, String ifMatch, Function<PlanAction, ActionRequest> edit) {
    Plan plan = parts.writable(planId);
    PlanAction a = plans.part(PlanAction.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, a.version);
    ActionRequest req = edit.apply(a); // merged onto the locked part, never an earlier read
    apply(plan, a, req);
    em.flush();
    return a;
  }

  public void delete(UUID planId, UUID id, String ifMatch) {
    parts.writable(planId);
    PlanAction a = plans.part(PlanAction.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, a.version);
    em.remove(a);
    em.flush();
  }

  private void apply(Plan plan, PlanAction a, ActionRequest req) {
    if (req.objectiveId() != null) {
      Objective o = em.find(Objective.class, req.objectiveId());
      if (o == null || !o.planId.equals(plan.id)) {
        throw ProblemException.invalid("objectiveId", "no such objective in this plan");
      }
    }
    String owner = req.ownerId() != null ? req.ownerId() : plan.ownerId;
    if (owner == null) {
      throw ProblemException.invalid("ownerId", "must be given: the plan has no owner");
    }
    a.title = req.title();
    a.ownerId = owner;
    a.dueDate = req.dueDate();
    a.status = req.status() == null ? ActionStatus.OPEN : req.status();
    a.objectiveId = req.objectiveId();
  }
}
