package io.kam.scoring.domain;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import io.kam.chassis.time.KamClock;
import io.kam.scoring.domain.calc.AccountType;
import io.kam.scoring.domain.calc.DefectionRisk;
import io.kam.scoring.domain.calc.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The portfolio summary: counts by effective tier, type and risk level of the scored accounts of a
 * segment, and what moved since the previous month end. The state at the previous month end is an
 * account's last score-history entry before the first instant of the current UTC month (service
 * clock), the same instant the KEY hysteresis uses; an account without one was not scored then.
 */
@ApplicationScoped
public class PortfolioSummaryQuery {

  private final Jdbc jdbc;
  private final KamClock clock;
  private final MonthEndTiers monthEnd;

  public PortfolioSummaryQuery(Jdbc jdbc, KamClock clock, MonthEndTiers monthEnd) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.monthEnd = monthEnd;
  }

  /** A segment: every non-null field narrows it. */
  public record Segment(String ownerId, String industry, String country, String region) {}

  public record Counts(
      long accounts,
      Map<String, Long> byTier,
      Map<String, Long> byType,
      Map<String, Long> byRisk,
      Map<Movement, Long> movements) {}

  public record MovedAccount(
      UUID id,
      String name,
      String ownerId,
      BigDecimal score,
      String tier,
      String previousTier,
      String risk,
      String previousRisk) {

    public String sortKey() {
      return name == null ? "" : name;
    }
  }

  private static final List<String> TIERS = names(Tier.values());
  private static final List<String> TYPES = names(AccountType.values());
  private static final List<String> RISKS = names(DefectionRisk.values());

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  static String riskRank(String expression) {
    return "(case " + expression + " when 'HIGH' then 2 when 'MEDIUM' then 1 else 0 end)";
  }

  /** The instant "the previous month end" means now. */
  public Instant since() {
    return monthEnd.currentMonthStart();
  }

  public Counts counts(Segment segment) {
    StringBuilder select = new StringBuilder("select count(*) as accounts");
    count(select, "tier", TIERS);
    count(select, "type", TYPES);
    count(select, "risk", RISKS);
    for (Movement m : Movement.values()) {
      select.append(", count(*) filter (where ").append(m.condition).append(") as ").append(m);
    }
    SqlParams params = params();
    String sql = base(segment, params) + select.append(" from s");
    return jdbc.one(
            sql,
            params,
            r -> {
              Map<Movement, Long> moved = new LinkedHashMap<>();
              for (Movement m : Movement.values()) {
                moved.put(m, r.longValue(m.name()));
              }
              return new Counts(
                  r.longValue("accounts"),
                  read(r, "tier", TIERS),
                  read(r, "type", TYPES),
                  read(r, "risk", RISKS),
                  moved);
            })
        .orElseThrow();
  }

  /** The accounts behind one movement, by name then id (keyset). */
  public List<MovedAccount> moved(
      Segment segment, Movement kind, String afterName, UUID afterId, int limit) {
    SqlParams params = params().set("limit", limit);
    StringBuilder sql =
        new StringBuilder(base(segment, params))
            .append("select * from s where ")
            .append(kind.condition);
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
            new MovedAccount(
                r.uuid("id"),
                r.string("name"),
                r.string("owner_id"),
                r.decimal("score"),
                r.string("tier"),
                r.string("prev_tier"),
                r.string("risk"),
                r.string("prev_risk")));
  }

  private SqlParams params() {
    return SqlParams.of("today", clock.today(), "since", since());
  }

  /** The segment's scored accounts with their effective tier now and their month-end state. */
  private static String base(Segment s, SqlParams params) {
    StringBuilder sql =
        new StringBuilder(
            "with s as (select a.id, a.name, a.owner_id, a.score, a.type, a.risk,"
                + " (case when a.designation_tier is not null and (a.designation_ends_on is null"
                + " or a.designation_ends_on > :today) then a.designation_tier"
                + " else a.computed_tier end) as tier, p.tier as prev_tier, p.risk as prev_risk"
                + " from account a left join lateral (select h.tier, h.risk from score_history h"
                + " where h.account_id = a.id and h.at < :since order by h.at desc, h.id desc"
                + " limit 1) p on true where a.scored and not a.deleted");
    segment(sql, params, "owner_id", "owner", s.ownerId());
    segment(sql, params, "industry", "industry", s.industry());
    segment(sql, params, "country", "country", s.country());
    segment(sql, params, "region", "region", s.region());
    return sql.append(") ").toString();
  }

  private static void segment(
      StringBuilder sql, SqlParams params, String column, String name, String value) {
    if (value != null) {
      sql.append(" and a.").append(column).append(" = :").append(name);
      params.set(name, value);
    }
  }

  private static void count(StringBuilder select, String column, List<String> values) {
    for (String v : values) {
      select
          .append(", count(*) filter (where ")
          .append(column)
          .append(" = '")
          .append(v)
          .append("') as ")
          .append(column)
          .append('_')
          .append(v);
    }
  }

  private static Map<String, Long> read(Row r, String column, List<String> values)
      throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String v : values) {
      counts.put(v, r.longValue(column + "_" + v));
    }
    return counts;
  }
}
