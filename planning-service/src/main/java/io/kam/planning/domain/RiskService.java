package io.kam.planning.domain;

import io.kam.chassis.http.Preconditions;
import io.kam.chassis.time.KamClock;
import io.kam.planning.api.PartRequests.RiskRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Risks of a plan, listed by severity (likelihood x impact), highest first. */
@ApplicationScoped
@Transactional
public class RiskService implements PartService<Risk, RiskRequest> {

  static final String ORDER = "x.severity desc, x.createdAt, x.id";

  private final EntityManager em;
  private final Plans plans;
  private final PlanParts parts;
  private final KamClock clock;

  public RiskService(EntityManager em, Plans plans, PlanParts parts, KamClock clock) {
    this.em = em;
    this.plans = plans;
    this.parts = parts;
    this.clock = clock;
  }

  public Risk create(UUID planId, RiskRequest req) {
    parts.writable(planId);
    return add(planId, req.description(), req.likelihood(), req.impact(), req.mitigation());
  }

  /** Also used by the reaction to a HIGH defection risk. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Risk add(UUID planId, String description, int likelihood, int impact, String mitigation) {
    Risk r = new Risk();
    r.id = UUID.randomUUID();
    r.planId = planId;
    r.createdAt = clock.now();
    r.description = description;
    r.rate(likelihood, impact);
    r.mitigation = mitigation;
    em.persist(r);
    em.flush();
    return r;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Risk> list(UUID planId) {
    plans.get(planId);
    return plans.partsOf(Risk.class, planId, ORDER);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public void checkWritable(UUID planId) {
    parts.checkWritable(planId);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Risk get(UUID planId, UUID id) {
    return plans.part(Risk.class, planId, id, false);
  }

  public Risk update(UUID planId, UUID id, String ifMatch, Function<Risk, RiskRequest> edit) {
    parts.writable(planId);
    Risk r = plans.part(Risk.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, r.version);
    RiskRequest req = edit.apply(r); // merged onto the locked part, never an earlier read
    r.description = req.description();
    r.rate(req.likelihood(), req.impact());
    r.mitigation = req.mitigation();
    em.flush();
    return r;
  }

  public void delete(UUID planId, UUID id, String ifMatch) {
    parts.writable(planId);
    Risk r = plans.part(Risk.class, planId, id, true);
    Preconditions.requireIfMatch(ifMatch, r.version);
    em.remove(r);
    em.flush();
  }
}
