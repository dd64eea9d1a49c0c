package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** How an account row reads: the one column list and its mapping. */
final class AccountRows {

  static final String COLUMNS =
      "id, source, external_id, name, industry, country, region, website, employees, lifecycle, owner_id,"
          + " team::text as team, relationship_stage, strategic_alignment, market_influence, fit, partnership,"
          + " potential_annual_spend, parent_id, created_at, updated_at, version";

  private static final TypeReference<List<TeamMember>> TEAM = new TypeReference<>() {};

  private AccountRows() {}

  static Account read(ResultSet rs, ObjectMapper json) throws SQLException {
    String lifecycle = rs.getString("lifecycle");
    String stage = rs.getString("relationship_stage");
    AccountData data =
        new AccountData(
            rs.getString("source"),
            rs.getString("external_id"),
            rs.getString("name"),
            rs.getString("industry"),
            rs.getString("country"),
            rs.getString("region"),
            rs.getString("website"),
            Sql.integer(rs, "employees"),
            lifecycle == null ? null : Lifecycle.valueOf(lifecycle),
            rs.getString("owner_id"),
            team(rs.getString("team"), json),
            stage == null ? null : RelationshipStage.valueOf(stage),
            new Assessment(
                Sql.integer(rs, "strategic_alignment"),
                Sql.integer(rs, "market_influence"),
                Sql.integer(rs, "fit"),
                Sql.integer(rs, "partnership")),
            rs.getBigDecimal("potential_annual_spend"),
            Sql.uuid(rs, "parent_id"));
    return new Account(
        Sql.uuid(rs, "id"), data, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"));
  }

  private static List<TeamMember> team(String raw, ObjectMapper json) {
    try {
      return raw == null ? List.of() : json.readValue(raw, TEAM);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored team is not readable", e);
    }
  }
}
