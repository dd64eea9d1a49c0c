package io.kam.scoring.domain;

import io.kam.chassis.events.SubjectNotKnownYet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The inputs of scores, from events only: account data and assessments from account-service, KPI
 * snapshots from kpi-service. Every change of an input of a scored account rescores it.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SubjectNotKnownYet.class)
public class ScoringInputs {

  private final AccountRepository accounts;
  private final ModelCatalog models;
  private final MonthEndTiers monthEndTiers;
  private final Scorer scorer;

  public ScoringInputs(
      AccountRepository accounts, ModelCatalog models, MonthEndTiers monthEndTiers, Scorer scorer) {
    this.accounts = accounts;
    this.models = models;
    this.monthEndTiers = monthEndTiers;
    this.scorer = scorer;
  }

  /** AccountCreated / AccountUpdated: the full account as after the change. */
  public void accountChanged(UUID id, AccountFacts facts) {
    serialize(id);
    Account a = accounts.findForUpdate(id);
    if (a == null) {
      a = new Account();
      a.id = id;
      accounts.persist(a);
    }
    a.name = facts.name();
    a.ownerId = facts.ownerId();
    AccountFacts.Assessment assessment = facts.assessmentOrNone();
    a.strategicAlignment = assessment.strategicAlignment();
    a.marketInfluence = assessment.marketInfluence();
    a.fit = assessment.fit();
    a.partnership = assessment.partnership();
    rescore(a, Causes.ACCOUNT);
  }

  /** AccountDeleted: the account leaves every list and score for good. */
  public void accountDeleted(UUID id) {
    serialize(id);
    Account a = accounts.findForUpdate(id);
    if (a == null) {
      a = new Account();
      a.id = id;
      accounts.persist(a);
    }
    a.deleted = true;
  }

  /** A KPI snapshot; an account we have not heard of yet is parked by the chassis until it is. */
  public void snapshot(UUID id, KpiSnapshot kpis) {
    serialize(id);
    Account a = accounts.findForUpdate(id);
    if (a == null) {
      throw new SubjectNotKnownYet(id.toString());
    }
    a.hasSnapshot = true;
    a.asOfMonth = kpis.asOfMonth();
    a.t12mRevenue = kpis.t12mRevenue();
    a.t12mGrowth = kpis.t12mGrowth();
    a.last3mGrowth = kpis.last3mGrowth();
    a.shareOfWallet = kpis.shareOfWallet();
    a.npsT12m = kpis.npsT12m();
    a.csatT12m = kpis.csatT12m();
    a.crossSellCount = kpis.crossSellCount();
    rescore(a, Causes.SNAPSHOT);
  }

  /**
   * Account and KPI events are consumed on different threads. Without this lock a snapshot could
   * look for its account while the AccountCreated is still uncommitted, be parked, and miss the
   * replay that AccountCreated triggers (which ran before the parked row was committed): it would
   * wait for the account's next event. Serializing both per account closes that window.
   */
  private void serialize(UUID id) {
    accounts.lockSubject(id);
  }

  private void rescore(Account a, String cause) {
    if (a.hasSnapshot && !a.deleted) {
      scorer.rescore(a, models.activeSpec(), monthEndTiers.of(a.id), cause);
    }
  }
}
