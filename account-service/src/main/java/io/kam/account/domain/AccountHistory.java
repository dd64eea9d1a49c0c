package io.kam.account.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The audit trail of an account, newest first: who, when, which field, from and to. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AccountHistory {

  @Schema(name = "AccountHistoryEntry")
  public record Entry(
      long id,
      Instant changedAt,
      @Schema(description = "who: user:<id> or api-key:<name>") String changedBy,
      @Schema(
              description =
                  "e.g. name, assessment.fit, assessedAt, team, deleted,"
                      + " contacts[<contactId>].title")
          String field,
      @Schema(description = "the value before (null: unset); its JSON type is the field's")
          JsonNode from,
      @Schema(description = "the value after (null: unset); its JSON type is the field's")
          JsonNode to) {}

  private final Jdbc jdbc;
  private final ObjectMapper json;
  private final AccountRepository accounts;

  public AccountHistory(Jdbc jdbc, ObjectMapper json, AccountRepository accounts) {
    this.jdbc = jdbc;
    this.json = json;
    this.accounts = accounts;
  }

  /** Entries older than {@code beforeId} (null: the newest), at most {@code limit}. */
  public List<Entry> page(UUID account, Long beforeId, int limit) {
    if (!accounts.existedEver(account)) {
      throw AccountProblems.notFound(account);
    }
    String sql =
        "select id, changed_at, origin, field, old_value::text as old_value, new_value::text as new_value"
            + " from account_history where account_id = :account and id < :before order by id desc limit :limit";
    return jdbc.list(
        sql,
        SqlParams.of(
            "account",
            account,
            "before",
            beforeId == null ? Long.MAX_VALUE : beforeId,
            "limit",
            limit),
        row ->
            new Entry(
                row.longValue("id"),
                row.instant("changed_at"),
                row.string("origin"),
                row.string("field"),
                node(row.string("old_value")),
                node(row.string("new_value"))));
  }

  /** Records changes that are not account fields (contacts) in the same trail. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      UUID account, Instant at, String origin, String field, Object from, Object to) {
    jdbc.update(
        "insert into account_history (account_id, changed_at, origin, field, old_value, new_value)"
            + " values (:account, :at, :origin, :field, :from::jsonb, :to::jsonb)",
        SqlParams.of(
            "account",
            account,
            "at",
            at,
            "origin",
            origin,
            "field",
            field,
            "from",
            toJson(from),
            "to",
            toJson(to)));
  }

  /** One trail row of a change that is not an account field (a contact's). */
  public record Line(
      UUID account, Instant at, String origin, String field, Object from, Object to) {}

  /** {@link #record} for many rows in one statement (a contact sync batch). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    TextColumns cols = new TextColumns(6);
    lines.forEach(
        l ->
            cols.row(l.account(), l.at(), l.origin(), l.field(), toJson(l.from()), toJson(l.to())));
    jdbc.update(
        "insert into account_history (account_id, changed_at, origin, field, old_value, new_value)"
            + " select v.a::uuid, v.t::timestamptz, v.o, v.f, v.old::jsonb, v.new::jsonb from "
            + TextColumns.unnest(6)
            + " as v(a, t, o, f, old, new)",
        cols.params());
  }

  private String toJson(Object value) {
    try {
      return value == null ? null : json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("history value is not serializable", e);
    }
  }

  private JsonNode node(String raw) {
    try {
      return raw == null ? null : json.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored history value is not readable", e);
    }
  }
}
