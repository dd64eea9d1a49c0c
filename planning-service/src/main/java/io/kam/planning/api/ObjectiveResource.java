package io.kam.planning.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.security.Caller;
import io.kam.planning.api.PartRequests.ObjectiveRequest;
import io.kam.planning.api.PlanViews.ObjectiveView;
import io.kam.planning.domain.ObjectiveService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The objectives of a plan; bound to a KPI they follow the snapshots and scores. */
@Path("/api/v1/plans/{planId}/objectives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ObjectiveResource extends PartResource<ObjectiveRequest, ObjectiveView> {

  public ObjectiveResource(
      ObjectiveService service, Idempotency idempotency, Caller caller, MergePatches patches) {
    super(
        new PartKind<>(
            "objectives",
            service,
            PlanMapper::view,
            PartEditables::of,
            ObjectiveRequest::command,
            ObjectiveRequest.class),
        idempotency,
        caller,
        patches);
  }
}
