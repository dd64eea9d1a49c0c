package io.kam.kpi.domain.ingest;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.config.KpiConfig;
import io.kam.kpi.domain.kpi.AggregateRepository;
import io.kam.kpi.domain.kpi.RevenueDeltas;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Revenue lines as a {@link BulkKind}: a date, a product line and an amount (stored with scale 4,
 * so equal amounts compare alike), counted in the monthly revenue aggregate; and their list.
 */
@ApplicationScoped
public class RevenueLines implements BulkKind<RevenueLineItem, StoredRevenueLine> {

  private final AggregateRepository aggregates;
  private final KpiConfig config;
  private final BulkTable<StoredRevenueLine> table;
  private final Jdbc jdbc;

  public RevenueLines(Jdbc jdbc, AggregateRepository aggregates, KpiConfig config) {
    this.jdbc = jdbc;
    this.aggregates = aggregates;
    this.config = config;
    this.table = new BulkTable<>(jdbc, this);
  }

  @Override
  public String table() {
    return "revenue_line";
  }

  @Override
  public List<String> ownColumns() {
    return List.of("line_date", "product_line", "amount");
  }

  @Override
  public void bindOwn(StoredRevenueLine l, SqlParams p) {
    p.set("line_date", l.date()).set("product_line", l.productLine()).set("amount", l.amount());
  }

  @Override
  public StoredRevenueLine read(StoredItem.Common c, Row r) throws SQLException {
    return new StoredRevenueLine(
        c.id(),
        c.source(),
        c.externalId(),
        c.accountId(),
        c.ref(),
        r.date("line_date"),
        r.string("product_line"),
        r.decimal("amount"),
        c.voided());
  }

  @Override
  public List<Problem.FieldError> errors(RevenueLineItem item) {
    return item.errors(config.reportingCurrency());
  }

  @Override
  public StoredRevenueLine toStored(RevenueLineItem item, Long id, UUID accountId) {
    return new StoredRevenueLine(
        id,
        item.source(),
        item.externalId(),
        accountId,
        item.accountRef(),
        item.date(),
        item.productLine(),
        item.amount().setScale(4),
        false);
  }

  @Override
  public Deltas<StoredRevenueLine> deltas() {
    RevenueDeltas deltas = new RevenueDeltas();
    return new Deltas<>() {
      @Override
      public void add(StoredRevenueLine l, int sign) {
        deltas.add(
            l.accountId(),
            YearMonth.from(l.date()),
            l.productLine(),
            sign > 0 ? l.amount() : l.amount().negate());
      }

      @Override
      public void apply() {
        aggregates.apply(deltas);
      }
    };
  }

  /**
   * Live lines in (date, id) order after the given position; filters are optional. Lines of an
   * account still pending are listed under the account id they named.
   */
  public List<StoredRevenueLine> page(
      UUID accountId, LocalDate from, LocalDate to, LocalDate afterDate, Long afterId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select " + table.selectColumns() + " from revenue_line t where not t.voided");
    SqlParams params = SqlParams.of("limit", limit);
    if (accountId != null) {
      sql.append(
          " and (t.account_id = :accountId or (t.account_id is null and t.ref_account_id = :accountId))");
      params.set("accountId", accountId);
    }
    if (from != null) {
      sql.append(" and t.line_date >= :from");
      params.set("from", from);
    }
    if (to != null) {
      sql.append(" and t.line_date <= :to");
      params.set("to", to);
    }
    if (afterDate != null) {
      sql.append(" and (t.line_date, t.id) > (:afterDate, :afterId)");
      params.set("afterDate", afterDate).set("afterId", afterId);
    }
    sql.append(" order by t.line_date, t.id limit :limit");
    return jdbc.list(sql.toString(), params, table.mapper());
  }
}
