package io.kam.chassis.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An endpoint whose author forgot to name its roles: deny by default must close it. */
@Path("/api/v1/forgotten")
@Produces(MediaType.TEXT_PLAIN)
public class ForgottenResource {

  @GET
  public String secret() {
    return "secret";
  }
}
