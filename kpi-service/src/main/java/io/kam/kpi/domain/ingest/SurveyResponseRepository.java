package io.kam.kpi.domain.ingest;

import io.agroal.api.AgroalDataSource;
import io.kam.kpi.domain.Sql;
import io.kam.kpi.domain.account.AccountRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Raw survey responses, upserted by source + externalId. */
@ApplicationScoped
public class SurveyResponseRepository {

  private static final String COLUMNS =
      "r.id, r.source, r.external_id, r.account_id, r.ref_account_id, r.ref_source, r.ref_external_id,"
          + " r.kind, r.score, r.responded_at, r.voided";

  private final AgroalDataSource dataSource;

  public SurveyResponseRepository(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Map<String, StoredSurveyResponse> lockByKeys(Collection<? extends BulkItem> items) {
    Map<String, StoredSurveyResponse> result = new HashMap<>();
    if (items.isEmpty()) {
      return result;
    }
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("select " + COLUMNS + " from unnest(?::text[], ?::text[]) k(source, external_id)"
                  + " join survey_response r on r.source = k.source and r.external_id = k.external_id"
                  + " order by r.source, r.external_id for update of r")) {
        ps.setArray(1, c.createArrayOf("text", items.stream().map(BulkItem::source).toArray()));
        ps.setArray(2, c.createArrayOf("text", items.stream().map(BulkItem::externalId).toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            StoredSurveyResponse r = row(rs);
            result.put(r.source() + "\u0000" + r.externalId(), r);
          }
        }
      }
      return result;
    });
  }

  public void insert(List<StoredSurveyResponse> responses) {
    if (responses.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("insert into survey_response (source, external_id, account_id, ref_account_id,"
                  + " ref_source, ref_external_id, kind, score, responded_at, voided)"
                  + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (StoredSurveyResponse r : responses) {
          ps.setString(1, r.source());
          ps.setString(2, r.externalId());
          bind(ps, 3, r);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  public void update(List<StoredSurveyResponse> responses) {
    if (responses.isEmpty()) {
      return;
    }
    Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("update survey_response set account_id = ?, ref_account_id = ?, ref_source = ?,"
                  + " ref_external_id = ?, kind = ?, score = ?, responded_at = ?, voided = ?,"
                  + " updated_at = now() where id = ?")) {
        for (StoredSurveyResponse r : responses) {
          bind(ps, 1, r);
          ps.setLong(9, r.id());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  /** Attaches the pending responses that name the account and returns them. */
  public List<StoredSurveyResponse> resolvePending(UUID accountId, String source, String externalId) {
    return Sql.run(() -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("update survey_response r set account_id = ?, updated_at = now()"
                  + " where r.account_id is null and not r.voided and (r.ref_account_id = ?"
                  + " or (r.ref_source = ? and r.ref_external_id = ?)) returning " + COLUMNS)) {
        ps.setObject(1, accountId);
        ps.setObject(2, accountId);
        ps.setString(3, source);
        ps.setString(4, externalId);
        List<StoredSurveyResponse> responses = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            responses.add(row(rs));
          }
        }
        return responses;
      }
    });
  }

  private static void bind(PreparedStatement ps, int first, StoredSurveyResponse r) throws SQLException {
    ps.setObject(first, r.accountId(), Types.OTHER);
    ps.setObject(first + 1, r.ref().id(), Types.OTHER);
    ps.setString(first + 2, r.ref().source());
    ps.setString(first + 3, r.ref().externalId());
    ps.setString(first + 4, r.kind());
    ps.setInt(first + 5, r.score());
    ps.setTimestamp(first + 6, Timestamp.from(r.respondedAt()));
    ps.setBoolean(first + 7, r.voided());
  }

  private static StoredSurveyResponse row(ResultSet rs) throws SQLException {
    AccountRef ref = new AccountRef(rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7));
    return new StoredSurveyResponse(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
        ref, rs.getString(8), rs.getInt(9), rs.getTimestamp(10).toInstant(), rs.getBoolean(11));
  }
}
