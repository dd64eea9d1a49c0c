package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Row;
import java.sql.SQLException;
import java.util.List;

/** How an account row reads: the one column list and its mapping. */
final class AccountRows {

  static final String COLUMNS =
      "id, source, external_id, name, industry, country, region, website, employees, lifecycle, owner_id,"
          + " team::text as team, relationship_stage, strategic_alignment, market_influence, fit, partnership,"
          + " potential_annual_spend, parent_id, assessed_at, created_at, updated_at, version";

  private static final TypeReference<List<TeamMember>> TEAM = new TypeReference<>() {};

  private AccountRows() {}

  static Account read(Row row, ObjectMapper json) throws SQLException {
    String lifecycle = row.string("lifecycle");
    String stage = row.string("relationship_stage");
    AccountData data =
        new AccountData(
            row.string("source"),
            row.string("external_id"),
            row.string("name"),
            row.string("industry"),
            row.string("country"),
            row.string("region"),
            row.string("website"),
            row.intValue("employees"),
            lifecycle == null ? null : Lifecycle.valueOf(lifecycle),
            row.string("owner_id"),
            team(row.string("team"), json),
            stage == null ? null : RelationshipStage.valueOf(stage),
            new Assessment(
                row.intValue("strategic_alignment"),
                row.intValue("market_influence"),
                row.intValue("fit"),
                row.intValue("partnership")),
            row.decimal("potential_annual_spend"),
            row.uuid("parent_id"),
            row.date("assessed_at"));
    return new Account(
        row.uuid("id"),
        data,
        row.instant("created_at"),
        row.instant("updated_at"),
        row.longValue("version"));
  }

  private static List<TeamMember> team(String raw, ObjectMapper json) {
    try {
      return raw == null ? List.of() : json.readValue(raw, TEAM);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored team is not readable", e);
    }
  }
}
