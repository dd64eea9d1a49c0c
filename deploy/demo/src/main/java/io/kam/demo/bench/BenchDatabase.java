package io.kam.demo.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;

/**
 * The benchmark's direct access to the system's PostgreSQL: how many accounts scoring has scored,
 * and the baseline each ingest path is compared with. The baseline runs in the service's own
 * database: the same rows COPYed into a staging table and merged with {@code INSERT ... ON CONFLICT
 * ... DO UPDATE} into a copy of the service's table with the same indexes ({@code LIKE ...
 * INCLUDING ALL}), one transaction per batch of the API's batch size.
 */
final class BenchDatabase {

  private final String host;
  private final int port;

  BenchDatabase(String host, int port) {
    this.host = host;
    this.port = port;
  }

  Connection open(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + port + "/" + database, "postgres", "postgres");
  }

  /**
   * Accounts of this run that scoring has scored (its first KPI snapshot arrived and was scored).
   */
  long scored(String run) throws SQLException {
    try (Connection c = open("scoring");
        PreparedStatement ps =
            c.prepareStatement(
                "select count(*) from account where scored and not deleted" + " and name like ?")) {
      ps.setString(1, "Bench " + run + " %");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The account-service table: a copy of {@code account}, merged on the CRM reference. */
  static final Baseline ACCOUNTS =
      new Baseline(
          "account",
          "account",
          "create temp table bench_stage (source text, external_id text, name text, country text, industry text,"
              + " owner_id text) on commit drop",
          "copy bench_stage from stdin with (format csv)",
          "insert into bench_account (id, source, external_id, name, search_name, industry, country, owner_id,"
              + " created_at, updated_at, version)"
              + " select gen_random_uuid(), source, external_id, name, lower(name), industry, country, owner_id, now(), now(), 1"
              + " from bench_stage on conflict (source, external_id) where deleted_at is null do update set"
              + " name = excluded.name, search_name = excluded.search_name, industry = excluded.industry,"
              + " country = excluded.country, owner_id = excluded.owner_id, updated_at = now(),"
              + " version = bench_account.version + 1");

  /** The kpi-service table of revenue lines, each resolved to its account as the service does. */
  static final Baseline REVENUE =
      new Baseline(
          "kpi",
          "revenue_line",
          "create temp table bench_stage (source text, external_id text, ref_source text, ref_external_id text,"
              + " line_date date, product_line text, amount numeric(19,4)) on commit drop",
          "copy bench_stage from stdin with (format csv)",
          "insert into bench_revenue_line (source, external_id, account_id, ref_source, ref_external_id, line_date,"
              + " product_line, amount) select s.source, s.external_id, a.id, s.ref_source, s.ref_external_id, s.line_date,"
              + " s.product_line, s.amount from bench_stage s left join account a on a.source = s.ref_source"
              + " and a.external_id = s.ref_external_id and not a.deleted"
              + " on conflict (source, external_id) do update set account_id = excluded.account_id,"
              + " line_date = excluded.line_date, product_line = excluded.product_line, amount = excluded.amount,"
              + " updated_at = now()");

  /** The kpi-service table of survey responses. */
  static final Baseline SURVEYS =
      new Baseline(
          "kpi",
          "survey_response",
          "create temp table bench_stage (source text, external_id text, ref_source text, ref_external_id text,"
              + " kind text, score integer, responded_at timestamptz) on commit drop",
          "copy bench_stage from stdin with (format csv)",
          "insert into bench_survey_response (source, external_id, account_id, ref_source, ref_external_id, kind, score,"
              + " responded_at) select s.source, s.external_id, a.id, s.ref_source, s.ref_external_id, s.kind, s.score,"
              + " s.responded_at from bench_stage s left join account a on a.source = s.ref_source"
              + " and a.external_id = s.ref_external_id and not a.deleted"
              + " on conflict (source, external_id) do update set account_id = excluded.account_id, kind = excluded.kind,"
              + " score = excluded.score, responded_at = excluded.responded_at, updated_at = now()");

  record Baseline(String database, String table, String stage, String copy, String merge) {}

  /**
   * Creates an empty copy of the baseline's table (indexes, defaults and checks; its own id
   * sequence).
   */
  void prepare(Baseline b) throws SQLException {
    try (Connection c = open(b.database());
        Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_" + b.table());
      s.execute("create table bench_" + b.table() + " (like " + b.table() + " including all)");
      if (!b.table().equals("account")) {
        s.execute("drop sequence if exists bench_" + b.table() + "_id");
        s.execute("create sequence bench_" + b.table() + "_id");
        s.execute(
            "alter table bench_"
                + b.table()
                + " alter column id set default nextval('bench_"
                + b.table()
                + "_id')");
      }
    }
  }

  /** COPY-and-merge of {@code rows} CSV lines in batches of {@code batch}; the seconds it took. */
  double copyAndMerge(Baseline b, int rows, int batch, IntFunction<String> csvLine)
      throws SQLException {
    try (Connection c = open(b.database())) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      for (int from = 0; from < rows; from += batch) {
        StringBuilder csv = new StringBuilder();
        for (int i = from; i < Math.min(rows, from + batch); i++) {
          csv.append(csvLine.apply(i)).append('\n');
        }
        try (Statement s = c.createStatement()) {
          s.execute(b.stage());
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(b.copy(), new StringReader(csv.toString()));
          s.execute(b.merge());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        c.commit();
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** Drops the baselines' tables, so the system's databases are left as the API made them. */
  void dropBaselines() throws SQLException {
    for (Baseline b : List.of(ACCOUNTS, REVENUE, SURVEYS)) {
      try (Connection c = open(b.database());
          Statement s = c.createStatement()) {
        s.execute("drop table if exists bench_" + b.table());
        s.execute("drop sequence if exists bench_" + b.table() + "_id");
      }
    }
  }

  static String csv(Object... values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      String s = String.valueOf(v);
      sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }
    return sb.toString();
  }
}
