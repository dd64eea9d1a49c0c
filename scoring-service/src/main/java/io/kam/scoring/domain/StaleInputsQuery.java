package io.kam.scoring.domain;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Scored accounts with stale inputs (managers' review), by name then id (keyset), with the same
 * cut-offs as a score's freshness ({@link Freshness#cutoffs}).
 */
@ApplicationScoped
public class StaleInputsQuery {

  private final Jdbc jdbc;
  private final Freshness freshness;

  public StaleInputsQuery(Jdbc jdbc, Freshness freshness) {
    this.jdbc = jdbc;
    this.freshness = freshness;
  }

  /**
   * @param ownerId only this owner's accounts (null: any)
   * @param input only accounts where this input is stale (null: any stale input)
   * @param member only accounts this user owns or is on the team of (null: all; a KAM's view)
   */
  public record Filter(String ownerId, StaleInput input, String member) {}

  public record Row(
      UUID id,
      String name,
      String ownerId,
      String lastRevenueMonth,
      LocalDate lastSurveyDate,
      LocalDate assessedAt) {

    public String sortKey() {
      return name == null ? "" : name;
    }
  }

  public List<Row> page(Filter f, String afterName, UUID afterId, int limit) {
    Freshness.Cutoffs c = freshness.cutoffs();
    String revenue = "(last_revenue_month is null or last_revenue_month <= :revenueCutoff)";
    String survey = "(last_survey_date is null or last_survey_date <= :surveyCutoff)";
    String assessment = "(assessed_at is null or assessed_at <= :assessmentCutoff)";
    String stale =
        f.input() == null
            ? "(" + revenue + " or " + survey + " or " + assessment + ")"
            : switch (f.input()) {
              case REVENUE -> revenue;
              case SURVEY -> survey;
              case ASSESSMENT -> assessment;
            };
    StringBuilder sql =
        new StringBuilder(
                "select id, name, owner_id, last_revenue_month, last_survey_date, assessed_at"
                    + " from account where scored and not deleted and ")
            .append(stale);
    SqlParams params =
        SqlParams.of(
            "revenueCutoff", c.revenueMonth(),
            "surveyCutoff", c.surveyDate(),
            "assessmentCutoff", c.assessmentDate(),
            "limit", limit);
    if (f.ownerId() != null) {
      sql.append(" and owner_id = :owner");
      params.set("owner", f.ownerId());
    }
    if (f.member() != null) {
      sql.append(" and ").append(ScoreQueries.memberCondition(":member"));
      params.set("member", f.member());
    }
    if (afterId != null) {
      sql.append(
          " and (coalesce(name, '') > :afterName or (coalesce(name, '') = :afterName"
              + " and id > :afterId))");
      params.set("afterName", afterName).set("afterId", afterId);
    }
    sql.append(" order by coalesce(name, ''), id limit :limit");
    return jdbc.list(
        sql.toString(),
        params,
        r ->
            new Row(
                r.uuid("id"),
                r.string("name"),
                r.string("owner_id"),
                r.string("last_revenue_month"),
                r.date("last_survey_date"),
                r.date("assessed_at")));
  }
}
