package io.kam.kpi.events;

import io.kam.chassis.testkit.ConsumedSchemasContract;

class ConsumedSchemasTest extends ConsumedSchemasContract {

  ConsumedSchemasTest() {
    super("account-service", "scoring-service");
  }
}
