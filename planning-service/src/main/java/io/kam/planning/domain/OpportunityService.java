package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PartRequests.OpportunityRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Whitespace opportunities of a plan. */
@ApplicationScoped
@Transactional
public class OpportunityService implements PartService<Opportunity, OpportunityRequest> {

  private final EntityManager em;
  private final Plans plans;
  private final PlanParts parts;
  private final KamClock clock;

  public OpportunityService(EntityManager em, Plans plans, PlanParts parts, KamClock clock) {
    this.em = em;
    this.plans = plans;
    this.parts = parts;
    this.clock = clock;
  }

  public Opportunity create(UUID planId, OpportunityRequest req) {
    parts.writable(planId);
    Opportunity o = new Opportunity();
    o.id = UUID.randomUUID();
    o.planId = planId;
    o.createdAt = clock.now();
    apply(o, req);
    em.persist(o);
    em.flush();
    return o;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Opportunity> list(UUID planId) {
    plans.get(planId);
    return plans.partsOf(Opportunity.class, planId, "x.createdAt, x.id");
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID planId) {
    parts.checkWritable(planId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Opportunity get(UUID planId, UUID id) {
    return plans.part(Opportunity.class, planId, id, false);
  }

  public Opportunity update(UUID planId, UUID id, String ifMatch, Function<Opportunity, OpportunityRequest> edit) {
    parts.writable(planId);
    Opportunity o = plans.part(Opportunity.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, o.version);
    OpportunityRequest req = edit.apply(o); // merged onto the locked part, never an earlier read
    apply(o, req);
    em.flush();
    return o;
  }

  public void delete(UUID planId, UUID id, String ifMatch) {
    parts.writable(planId);
    Opportunity o = plans.part(Opportunity.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, o.version);
    em.remove(o);
    em.flush();
  }

  private static void apply(Opportunity o, OpportunityRequest req) {
    o.productLine = req.productLine();
    o.kind = req.kind();
    o.estimatedValue = req.estimatedValue();
    o.probability = req.probability();
    o.expectedClose = req.expectedClose();
  }
}
