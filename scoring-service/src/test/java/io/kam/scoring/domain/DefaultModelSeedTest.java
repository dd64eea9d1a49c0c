package io.kam.scoring.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kam.scoring.domain.calc.ModelValidator;
import io.kam.scoring.domain.calc.ScoringModelSpec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The model Flyway seeds as version 1 is exactly the engine's default model of
 * docs/kpis-and-scores.md.
 */
@QuarkusTest
class DefaultModelSeedTest {

  @Inject EntityManager em;

  @Test
  void seededVersionOneIsTheDefaultModelOfTheDomain() {
    ScoringModel v1 =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.find(
                        ScoringModel.class,
                        UUID.fromString("00000000-0000-0000-0000-000000000001")));

    ScoringModelSpec seeded = ModelValidator.toSpec(v1.version, ScoreJson.model(v1.definition));

    assertEquals(ScoringModelSpec.defaultModel(), seeded);
  }
}
