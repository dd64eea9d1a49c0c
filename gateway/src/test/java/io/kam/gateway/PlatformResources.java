package io.kam.gateway;

import io.kam.platform.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against the real PostgreSQL and Kafka of the platform. */
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(FakeUpstreams.class)
public class PlatformResources {}
