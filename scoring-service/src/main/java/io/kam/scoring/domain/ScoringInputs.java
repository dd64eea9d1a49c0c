package io.kam.scoring.domain;

import io.kam.chassis.messaging.SubjectNotKnownYet;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The inputs of scores, from events only: account data and assessments from account-service, KPI
 * snapshots from kpi-service. Every change of an input of a scored account rescores it.
 *
 * <p>Cheap per event, and correct when many events share one transaction (batched consumption): it
 * joins the caller's transaction, its locks are transaction-scoped and re-entrant, and it never
 * re-reads what does not change. A model's spec is cached by id (a model never changes); which
 * model is active is read in the same round trip as the account's month-end tier, after the
 * account's row lock, so an activation committed by any instance is seen at once and no live event
 * can overwrite a rescored account with the previous model. Its own reads go through {@link Jdbc},
 * so they do not make Hibernate flush (and dirty-check) every entity the transaction holds.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = SubjectNotKnownYet.class)
public class ScoringInputs {

  private final AccountRepository accounts;
  private final ModelCatalog models;
  private final MonthEndTiers monthEndTiers;
  private final Scorer scorer;
  private final Jdbc jdbc;

  public ScoringInputs(
      AccountRepository accounts,
      ModelCatalog models,
      MonthEndTiers monthEndTiers,
      Scorer scorer,
      Jdbc jdbc) {
    this.accounts = accounts;
    this.models = models;
    this.monthEndTiers = monthEndTiers;
    this.scorer = scorer;
    this.jdbc = jdbc;
  }

  /** AccountCreated / AccountUpdated: the full account as after the change. */
  public void accountChanged(UUID id, AccountFacts facts) {
    serialize(id);
    Account a = accounts.findForUpdate(id);
    boolean known = a != null;
    if (!known) {
      a = new Account();
      a.id = id;
    }
    a.name = facts.name();
    a.ownerId = facts.ownerId();
    AccountFacts.Assessment assessment = facts.assessmentOrNone();
    a.strategicAlignment = assessment.strategicAlignment();
    a.marketInfluence = assessment.marketInfluence();
    a.fit = assessment.fit();
    a.partnership = assessment.partnership();
    a.assessedAt = facts.assessedAt();
    a.industry = facts.industry();
    a.country = facts.country();
    a.region = facts.region();
    if (!known) {
      insert(a);
    }
    replaceTeam(id, facts.teamOrNone(), known);
    rescore(a, Causes.ACCOUNT);
  }

  /** AccountDeleted: the account leaves every list and score for good. */
  public void accountDeleted(UUID id) {
    serialize(id);
    Account a = accounts.findForUpdate(id);
    if (a == null) {
      a = new Account();
      a.id = id;
      a.deleted = true;
      insert(a);
      return;
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
    a.lastRevenueMonth = kpis.lastRevenueMonth();
    a.lastSurveyDate = kpis.lastSurveyDate();
    rescore(a, Causes.SNAPSHOT);
  }

  /**
   * The team as the event states it: at most two statements (the row lock above serializes them),
   * none for a new account without a team.
   */
  private void replaceTeam(UUID id, List<AccountFacts.TeamMember> team, boolean known) {
    if (known) {
      jdbc.update("delete from account_team_member where account_id = :id", SqlParams.of("id", id));
    }
    if (team.isEmpty()) {
      return;
    }
    Map<String, String> roles = new LinkedHashMap<>();
    team.stream()
        .filter(m -> m.userId() != null)
        .forEach(m -> roles.putIfAbsent(m.userId(), m.role() == null ? "" : m.role()));
    jdbc.update(
        "insert into account_team_member (account_id, user_id, role)"
            + " select :id, t.u, t.r from unnest(:users, :roles) as t(u, r)",
        SqlParams.of("id", id)
            .array("users", "text", List.copyOf(roles.keySet()))
            .array("roles", "text", List.copyOf(roles.values())));
  }

  /**
   * A new account, inserted at once: a later event of the same account in the same transaction (a
   * polled batch) locks it with {@code findForUpdate}, which needs the row in the database. Its
   * fields are set before: Hibernate inserts the state an entity had when persisted, so fields set
   * afterwards would cost an UPDATE of the row just inserted.
   */
  private void insert(Account a) {
    accounts.persist(a);
    accounts.flush();
  }

  /**
   * Account and KPI events are consumed on different threads. Without this lock a snapshot could
   * look for its account while the AccountCreated is still uncommitted, be parked, and miss the
   * replay that AccountCreated triggers (which ran before the parked row was committed): it would
   * wait for the account's next event. Serializing both per account closes that window.
   */
  private void serialize(UUID id) {
    jdbc.execute(
        "select pg_advisory_xact_lock(:key)",
        SqlParams.of("key", id.getMostSignificantBits() ^ id.getLeastSignificantBits()));
  }

  private void rescore(Account a, String cause) {
    if (!a.hasSnapshot || a.deleted) {
      return;
    }
    Context c =
        jdbc.one(
                "select (select id from scoring_model where status = 'ACTIVE') as model,"
                    + " (select tier from computed_tier_change where account_id = :id and at < :at"
                    + " order by at desc, id desc limit 1) as month_end",
                SqlParams.of("id", a.id, "at", monthEndTiers.currentMonthStart()),
                r -> new Context(r.uuid("model"), r.string("month_end")))
            .orElseThrow();
    if (c.model() == null) {
      throw new IllegalStateException("no active scoring model");
    }
    ScoringModelSpec spec = models.spec(c.model());
    scorer.rescore(a, spec, c.monthEnd() == null ? null : Tier.valueOf(c.monthEnd()), cause);
  }

  /** The active model and the account's computed tier at the end of the previous month. */
  private record Context(UUID model, String monthEnd) {}
}
