package io.kam.kpi;

import io.kam.chassis.testkit.OpsEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpsEndpointsTest extends OpsEndpointsContract {}
