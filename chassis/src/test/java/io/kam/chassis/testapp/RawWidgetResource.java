package io.kam.chassis.testapp;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Writes a widget by plain SQL, so a taken id reaches the problem mapper as a database error. */
@Path("/api/v1/raw-widgets")
@Authenticated
public class RawWidgetResource {

  private final Jdbc jdbc;

  public RawWidgetResource(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @PUT
  @Path("/{id}")
  @Transactional
  public Response insert(@PathParam("id") UUID id) {
    jdbc.update(
        "insert into widget (id, name, version) values (:id, 'raw', 0)", SqlParams.of("id", id));
    return Response.noContent().build();
  }
}
