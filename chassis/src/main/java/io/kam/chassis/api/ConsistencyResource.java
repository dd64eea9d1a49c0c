package io.kam.chassis.api;

import io.kam.chassis.http.ConsistencyToken;
import io.kam.chassis.ops.ConsumerLag;
import io.kam.chassis.security.Roles;
import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the gateway's {@code GET /api/v1/consistency}: has this service applied the events a
 * consistency token names? It answers from its inbox positions (per producer and account, the last
 * sequence applied); a service that does not consume the token's topic says so.
 */
@Path("/api/v1/internal/consistency")
@RolesAllowed({Roles.VIEWER, Roles.KAM, Roles.KAM_MANAGER, Roles.INTEGRATION, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ConsistencyResource {

  /** {@code behind}: up to 20 accounts whose events are not applied yet. */
  public record Answer(String service, boolean consumes, boolean applied, List<String> behind) {}

  private final Jdbc jdbc;
  private final ConsumerLag subscriptions;
  private final String service;

  public ConsistencyResource(
      Jdbc jdbc,
      ConsumerLag subscriptions,
      @ConfigProperty(name = "kam.service.name") String service) {
    this.jdbc = jdbc;
    this.subscriptions = subscriptions;
    this.service = service;
  }

  @GET
  @Operation(hidden = true)
  public Answer check(@QueryParam("write") String raw) {
    ConsistencyToken token = ConsistencyToken.decode(raw);
    boolean consumes =
        subscriptions.subscriptions().values().stream().anyMatch(t -> t.contains(token.topic()));
    if (!consumes || token.subjects().isEmpty()) {
      return new Answer(service, consumes, true, List.of());
    }
    Map<String, Long> applied = new HashMap<>();
    jdbc.list(
        "select subject, last_sequence from kam_chassis.consumer_position"
            + " where consumer = :consumer and producer = :producer and subject = any(:subjects)",
        SqlParams.of("consumer", service, "producer", token.producer())
            .array("subjects", "text", token.subjects().keySet()),
        r -> applied.put(r.string("subject"), r.longValue("last_sequence")));
    List<String> behind = new ArrayList<>();
    token
        .subjects()
        .forEach(
            (subject, sequence) -> {
              if (applied.getOrDefault(subject, 0L) < sequence && behind.size() < 20) {
                behind.add(subject);
              }
            });
    return new Answer(service, true, behind.isEmpty(), behind);
  }
}
