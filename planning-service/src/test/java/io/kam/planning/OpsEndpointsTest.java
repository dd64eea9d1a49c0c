package io.kam.planning;

import io.kam.chassis.testkit.OpsEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpsEndpointsTest extends OpsEndpointsContract {}
