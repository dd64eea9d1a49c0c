package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PartRequests.ObjectiveRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Objectives of a plan; a bound one gets its actual and progress from the latest values at once. */
@ApplicationScoped
@Transactional
public class ObjectiveService implements PartService<Objective, ObjectiveRequest> {

  private final EntityManager em;
  private final Plans plans;
  private final PlanParts parts;
  private final ObjectiveTracker tracker;
  private final KamClock clock;

  public ObjectiveService(EntityManager em, Plans plans, PlanParts parts, ObjectiveTracker tracker, KamClock clock) {
    this.em = em;
    this.plans = plans;
    this.parts = parts;
    this.tracker = tracker;
    this.clock = clock;
  }

  public Objective create(UUID planId, ObjectiveRequest req) {
    Plan plan = parts.writable(planId);
    Objective o = new Objective();
    o.id = UUID.randomUUID();
    o.planId = planId;
    o.createdAt = clock.now();
    apply(o, req);
    em.persist(o);
    tracker.refresh(o, plan);
    em.flush();
    return o;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Objective> list(UUID planId) {
    plans.get(planId);
    return plans.partsOf(Objective.class, planId, "x.createdAt, x.id");
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID planId) {
    parts.checkWritable(planId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Objective get(UUID planId, UUID id) {
    return plans.part(Objective.class, planId, id, false);
  }

  public Objective update(UUID planId, UUID id, String ifMatch, Function<Objective, ObjectiveRequest> edit) {
    Plan plan = parts.writable(planId);
    Objective o = plans.part(Objective.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, o.version);
    ObjectiveRequest req = edit.apply(o); // merged onto the locked part, never an earlier read
    apply(o, req);
    tracker.refresh(o, plan);
    em.flush();
    return o;
  }

  public void delete(UUID planId, UUID id, String ifMatch) {
    parts.writable(planId);
    Objective o = plans.part(Objective.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, o.version);
    em.remove(o);
    em.flush();
  }

  private static void apply(Objective o, ObjectiveRequest req) {
    o.title = req.title();
    o.dueDate = req.dueDate();
    o.status = req.status() == null ? ObjectiveStatus.OPEN : req.status();
    o.metric = req.kpi() == null ? null : req.kpi().metric();
    o.baseline = req.kpi() == null ? null : req.kpi().baseline();
    o.target = req.kpi() == null ? null : req.kpi().target();
  }
}
