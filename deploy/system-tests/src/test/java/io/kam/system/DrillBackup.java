package io.kam.system;

import io.kam.platform.EmbeddedPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The backup of one service's database in the restore drill. With a PostgreSQL client ({@link
 * PgClient}, the setting {@code KAM_PG_BIN}) it is what OPERATIONS.md tells on call: {@code pg_dump
 * -Fc} of the running service's database, then, once the database is lost, {@code create database}
 * and {@code pg_restore}. Without one, a server-side copy ({@code create database ... template}),
 * which needs the database without connections, so the service is stopped while it is taken.
 */
final class DrillBackup {

  private final EmbeddedPlatform platform;
  private final String database;
  private final Optional<PgClient> client;
  private final Consumer<String> step;
  private final String copy;
  private final Path dump;

  DrillBackup(
      EmbeddedPlatform platform,
      String database,
      String run,
      Optional<PgClient> client,
      Consumer<String> step) {
    this.platform = platform;
    this.database = database;
    this.client = client;
    this.step = step;
    this.copy = database + "_drill_" + run.replace('-', '_');
    this.dump = Path.of("target", "restore-drill", database + "-" + run + ".dump");
  }

  /** Checks the client against the server (same major version) and says which backup is taken. */
  DrillBackup announce() throws SQLException {
    if (client.isEmpty()) {
      step.accept(
          "client: none (" + PgClient.SETTING + " not set): the backup is a server-side copy");
      return this;
    }
    String server = query("show server_version");
    client.get().requireMajor(Integer.parseInt(query("show server_version_num")) / 10_000, server);
    step.accept(
        "client: pg_dump and pg_restore "
            + client.get().version
            + " ("
            + PgClient.SETTING
            + "="
            + client.get().bin
            + "), server PostgreSQL "
            + server);
    return this;
  }

  /** Takes the backup; {@code service} is stopped and restarted only for the server-side copy. */
  void take(ServiceProcess service) throws Exception {
    if (client.isPresent()) {
      Files.createDirectories(dump.getParent());
      List<String> args = connection("-Fc", "-d", database, "-f", dump.toString());
      long ms = timed(() -> client.get().run("pg_dump", args));
      long bytes = Files.size(dump);
      step.accept(
          "   backup, " + service.name + "-service running: pg_dump " + String.join(" ", args));
      step.accept(
          String.format(
              Locale.ROOT,
              "   -> %s: %d bytes (%d KiB, custom format, compressed), %d ms",
              dump.getFileName(),
              bytes,
              (bytes + 1023) / 1024,
              ms));
      return;
    }
    service.stop();
    sql(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
            + database
            + "'");
    sql("create database " + copy + " template " + database);
    service.start();
    service.awaitReady(Duration.ofSeconds(180));
    step.accept(
        "   backup, "
            + service.name
            + "-service stopped: create database "
            + copy
            + " template "
            + database
            + "; restarted");
  }

  /** Recreates the dropped database from the backup. */
  void restore() throws Exception {
    if (client.isPresent()) {
      sql("create database " + database);
      List<String> args =
          connection("--no-owner", "--exit-on-error", "-d", database, dump.toString());
      long ms = timed(() -> client.get().run("pg_restore", args));
      step.accept(
          "   create database "
              + database
              + "; pg_restore "
              + String.join(" ", args)
              + ", "
              + ms
              + " ms");
      return;
    }
    sql("create database " + database + " template " + copy);
    sql("drop database " + copy);
    step.accept("   create database " + database + " template " + copy + "; drop database " + copy);
  }

  /** The tool's arguments with the platform's server and superuser in front. */
  private List<String> connection(String... rest) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-h",
                "localhost",
                "-p",
                String.valueOf(platform.postgresPort()),
                "-U",
                "postgres"));
    args.addAll(List.of(rest));
    return args;
  }

  private static long timed(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private String query(String query) throws SQLException {
    try (Connection c = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
