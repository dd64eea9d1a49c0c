package io.kam.chassis.api;

import io.agroal.api.AgroalDataSource;
import io.kam.chassis.http.ConsistencyToken;
import io.kam.chassis.ops.ConsumerLag;
import io.kam.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the gateway's {@code GET /api/v1/consistency}: has this service applied the events a
 * consistency token names? It answers from its inbox positions (per producer and account, the
 * last sequence applied); a service that does not consume the token's topic says so.
 */
@Path("/api/v1/internal/consistency")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConsistencyResource {

  /** {@code behind}: up to 20 accounts whose events are not applied yet. */
  public record Answer(String service, boolean consumes, boolean applied, List<String> behind) {}

  private final AgroalDataSource dataSource;
  private final ConsumerLag subscriptions;
  private final String service;

  public ConsistencyResource(
      AgroalDataSource dataSource, ConsumerLag subscriptions, @ConfigProperty(name = "kam.service.name") String service) {
    this.dataSource = dataSource;
    this.subscriptions = subscriptions;
    this.service = service;
  }

  @GET
  @Operation(hidden = true)
  public Answer check(@QueryParam("write") String raw) throws SQLException {
    ConsistencyToken token = ConsistencyToken.decode(raw);
    boolean consumes = subscriptions.subscriptions().values().stream().anyMatch(t -> t.contains(token.topic()));
    if (!consumes || token.subjects().isEmpty()) {
      return new Answer(service, consumes, true, List.of());
    }
    Map<String, Long> applied = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select subject, last_sequence from kam_chassis.consumer_position"
            + " where consumer = ? and producer = ? and subject = any(?)")) {
      Array subjects = c.createArrayOf("text", token.subjects().keySet().toArray());
      ps.setString(1, service);
      ps.setString(2, token.producer());
      ps.setArray(3, subjects);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          applied.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    List<String> behind = new ArrayList<>();
    token.subjects().forEach((subject, sequence) -> {
      if (applied.getOrDefault(subject, 0L) < sequence && behind.size() < 20) {
        behind.add(subject);
      }
    });
    return new Answer(service, true, behind.isEmpty(), behind);
  }
}
