package io.kam.scoring.domain;

import io.kam.platform.PlatformTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A database of its own, for tests that activate models: an activation rescores the whole portfolio
 * and changes the active model, which must not leak into the other tests' database.
 */
public class IsolatedPortfolio implements QuarkusTestProfile {

  @Override
  public boolean disableGlobalTestResources() {
    return true;
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(
        new TestResourceEntry(
            PlatformTestResource.class, Map.of("database", "scoring_activation")));
  }

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("kam.scoring.rescoring.batch-size", "500");
  }
}
