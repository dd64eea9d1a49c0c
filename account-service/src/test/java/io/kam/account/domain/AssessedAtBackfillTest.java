package io.kam.account.domain;

import static io.kam.account.testdata.AccountBuilder.anAccount;
import static io.kam.account.testdata.Api.createId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The migration that introduced {@code assessed_at} dates accounts assessed before it: by their
 * last history entry that changed a criterion, else by their creation; unassessed ones stay
 * undated. Runs the migration's own backfill statement over accounts set back to the old shape.
 */
@QuarkusTest
class AssessedAtBackfillTest {

  @Inject AgroalDataSource ds;

  @Test
  void datesEachAssessedAccountByItsLastAssessmentChangeElseItsCreation() throws Exception {
    UUID changed = UUID.fromString(createId(anAccount().withAssessment(2, 2, 2, 2)));
    UUID neverChanged = UUID.fromString(createId(anAccount().withAssessment(3, 3, 3, 3)));
    UUID unassessed = UUID.fromString(createId(anAccount()));
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      for (UUID id : new UUID[] {changed, neverChanged, unassessed}) {
        run(
            c,
            "update account set assessed_at = null, created_at = '2024-01-05T10:00:00Z' where id = ?",
            id);
        run(c, "delete from account_history where account_id = ?", id);
      }
      run(
          c,
          "insert into account_history (account_id, changed_at, origin, field, old_value, new_value)"
              + " values (?, '2025-02-01T23:30:00Z', 'user:x', 'assessment.fit', '1', '2'),"
              + " (?, '2025-06-07T23:30:00Z', 'user:x', 'assessment.partnership', '1', '2'),"
              + " (?, '2025-09-09T09:00:00Z', 'user:x', 'name', '\"a\"', '\"b\"')",
          changed,
          changed,
          changed);
      try (PreparedStatement ps = c.prepareStatement(backfillStatement() + " and a.id = any(?)")) {
        ps.setArray(1, c.createArrayOf("uuid", new Object[] {changed, neverChanged, unassessed}));
        ps.executeUpdate();
      }
      assertEquals(LocalDate.parse("2025-06-07"), assessedAt(c, changed));
      assertEquals(LocalDate.parse("2024-01-05"), assessedAt(c, neverChanged));
      assertEquals(null, assessedAt(c, unassessed));
      c.commit();
    }
  }

  /** The UPDATE of V4__assessed_at.sql, as Flyway ran it. */
  private static String backfillStatement() throws Exception {
    try (InputStream in =
        AssessedAtBackfillTest.class.getResourceAsStream("/db/migration/V4__assessed_at.sql")) {
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String update = sql.substring(sql.indexOf("update account"));
      return update.substring(0, update.lastIndexOf(';'));
    }
  }

  private static LocalDate assessedAt(Connection c, UUID id) throws Exception {
    try (PreparedStatement ps =
        c.prepareStatement("select assessed_at from account where id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, LocalDate.class);
      }
    }
  }

  private static void run(Connection c, String sql, UUID... ids) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < ids.length; i++) {
        ps.setObject(i + 1, ids[i]);
      }
      ps.executeUpdate();
    }
  }
}
