package io.kam.chassis;

import io.kam.platform.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against the real PostgreSQL and Kafka of the platform. */
@QuarkusTestResource(PlatformTestResource.class)
public class PlatformResources {}
