package io.kam.scoring.events;

import io.kam.chassis.testkit.ConsumedSchemasContract;

class ConsumedSchemasTest extends ConsumedSchemasContract {

  ConsumedSchemasTest() {
    super("account-service", "kpi-service");
  }
}
