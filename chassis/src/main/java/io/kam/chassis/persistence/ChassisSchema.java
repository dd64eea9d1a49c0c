package io.kam.chassis.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Migrates the chassis's own tables (outbox, inbox, parking, dead letters, idempotency keys) in
 * schema {@code kam_chassis} with a history table of their own, before anything uses them. The
 * migrations are listed here because a packaged Quarkus app cannot list classpath folders.
 */
@Singleton
public class ChassisSchema {

  public static final String SCHEMA = "kam_chassis";
  private static final String LOCATION = "db/chassis";
  private static final List<String> MIGRATIONS =
      List.of(
          "V1__chassis.sql",
          "V2__outbox_quarantine.sql",
          "V3__consumer_guarantees.sql",
          "V4__idempotency_lease.sql");

  void migrate(@Observes @Priority(1) StartupEvent event, AgroalDataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .createSchemas(true)
        .table("chassis_schema_history")
        // Numbers are reserved per change in parallel work (V4 may be applied before V2 and V3).
        .outOfOrder(true)
        .resourceProvider(new ListedMigrations())
        .load()
        .migrate();
  }

  private static final class ListedMigrations implements ResourceProvider {
    private final ClassLoader loader = ChassisSchema.class.getClassLoader();

    @Override
    public LoadableResource getResource(String name) {
      return MIGRATIONS.contains(name) ? resource(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      return MIGRATIONS.stream()
          .filter(n -> n.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(n::endsWith))
          .map(this::resource)
          .toList();
    }

    private LoadableResource resource(String name) {
      return new ClassPathResource(
          new Location("classpath:" + LOCATION),
          LOCATION + "/" + name,
          loader,
          StandardCharsets.UTF_8);
    }
  }
}
