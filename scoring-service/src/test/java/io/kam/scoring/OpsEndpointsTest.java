package io.kam.scoring;

import io.kam.chassis.testkit.OpsEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OpsEndpointsTest extends OpsEndpointsContract {}
