package io.kam.gateway.api;

import io.kam.chassis.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
// Any authenticated caller, even one without a role, may ask who it is.
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "gateway")
public class MeResource {

  public record Me(String userId, Set<String> roles, String apiKeyName) {}

  private final Caller caller;

  public MeResource(Caller caller) {
    this.caller = caller;
  }

  @GET
  @Operation(summary = "The caller: user id, roles and, for an API key, its name")
  public Me me() {
    return new Me(caller.userId(), new TreeSet<>(caller.roles()), caller.apiKeyName());
  }
}
