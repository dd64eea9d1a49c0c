package io.kam.scoring.api;

import io.kam.scoring.domain.Simulation;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** POST /scoring-models/{id}/simulate: how the computed KEY tier would move under the model. */
public record SimulationView(
    UUID modelId,
    int modelVersion,
    int accountsScored,
    int enteringKey,
    int leavingKey,
    List<Account> entering,
    List<Account> leaving) {

  public record Account(UUID accountId, String name, BigDecimal score, BigDecimal simulatedScore) {}

  static SimulationView of(UUID modelId, int version, Simulation.Outcome o) {
    return new SimulationView(
        modelId,
        version,
        o.accountsScored(),
        o.entering().size(),
        o.leaving().size(),
        o.entering().stream().map(SimulationView::account).toList(),
        o.leaving().stream().map(SimulationView::account).toList());
  }

  private static Account account(Simulation.Moved m) {
    return new Account(m.accountId(), m.name(), m.score(), m.simulatedScore());
  }
}
