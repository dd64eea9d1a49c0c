package io.kam.kpi.domain.ingest;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.sql.Row;
import io.kam.chassis.sql.SqlParams;
import io.kam.kpi.domain.kpi.AggregateRepository;
import io.kam.kpi.domain.kpi.SurveyDeltas;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Survey responses as a {@link BulkKind}: a kind, a score and a time, counted in the monthly survey
 * counts.
 */
@ApplicationScoped
public class SurveyResponses implements BulkKind<SurveyResponseItem, StoredSurveyResponse> {

  private final AggregateRepository aggregates;

  public SurveyResponses(AggregateRepository aggregates) {
    this.aggregates = aggregates;
  }

  @Override
  public boolean changesRevenue() {
    return false;
  }

  @Override
  public String table() {
    return "survey_response";
  }

  @Override
  public List<String> ownColumns() {
    return List.of("kind", "score", "responded_at");
  }

  @Override
  public void bindOwn(StoredSurveyResponse r, SqlParams p) {
    p.set("kind", r.kind()).set("score", r.score()).set("responded_at", r.respondedAt());
  }

  @Override
  public StoredSurveyResponse read(StoredItem.Common c, Row r) throws SQLException {
    return new StoredSurveyResponse(
        c.id(),
        c.source(),
        c.externalId(),
        c.accountId(),
        c.ref(),
        r.string("kind"),
        r.intValue("score"),
        r.instant("responded_at"),
        c.voided());
  }

  @Override
  public List<Problem.FieldError> errors(SurveyResponseItem item) {
    return item.errors();
  }

  @Override
  public StoredSurveyResponse toStored(SurveyResponseItem item, Long id, UUID accountId) {
    return new StoredSurveyResponse(
        id,
        item.source(),
        item.externalId(),
        accountId,
        item.accountRef(),
        item.kind().name(),
        item.score().intValueExact(),
        item.respondedAt(),
        false);
  }

  @Override
  public Deltas<StoredSurveyResponse> deltas() {
    SurveyDeltas deltas = new SurveyDeltas();
    return new Deltas<>() {
      @Override
      public void add(StoredSurveyResponse r, int sign) {
        deltas.add(r.accountId(), r.month(), SurveyDeltas.Counts.of(r.kind(), r.score(), sign));
      }

      @Override
      public void apply() {
        aggregates.apply(deltas);
      }
    };
  }
}
