package io.kam.chassis.api;

import io.kam.chassis.problem.ProblemException;
import io.kam.chassis.security.Roles;
import io.kam.chassis.time.ClockConfig;
import io.kam.chassis.time.KamClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reads this service's clock; moves it only where {@code kam.clock.adjustable=true} (demos and
 * system tests that turn the month), otherwise 409.
 */
@Path("/api/v1/admin/{service}/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "operations")
public class ClockResource {

  public record ClockView(Instant now, boolean fixed) {}

  private final KamClock clock;
  private final ClockConfig config;
  private final String service;

  public ClockResource(
      KamClock clock,
      ClockConfig config,
      @ConfigProperty(name = "kam.service.name") String service) {
    this.clock = clock;
    this.config = config;
    this.service = service;
  }

  @GET
  @Operation(summary = "This service's current time")
  public ClockView get(@PathParam("service") String svc) {
    check(svc);
    return new ClockView(clock.now(), clock.isFixed());
  }

  @PUT
  @Operation(summary = "Pin this service's clock (only when the clock is adjustable)")
  public ClockView set(@PathParam("service") String svc, ClockView body) {
    check(svc);
    if (!config.adjustable()) {
      throw ProblemException.conflict("this deployment's clock is not adjustable");
    }
    if (body == null || body.now() == null) {
      throw ProblemException.invalid("now", "must be an ISO-8601 instant");
    }
    clock.set(body.now());
    return new ClockView(clock.now(), true);
  }

  private void check(String svc) {
    if (!service.equals(svc)) {
      throw ProblemException.notFound("no service " + svc + " here");
    }
  }
}
