package io.kam.planning.api;

import io.kam.chassis.http.Idempotency;
import io.kam.chassis.security.Caller;
import io.kam.planning.api.PartRequests.ActionRequest;
import io.kam.planning.api.PlanViews.ActionView;
import io.kam.planning.domain.ActionService;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The actions of a plan, each with its account and whether it is overdue today. */
@Path("/api/v1/plans/{planId}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "planning")
public class ActionResource extends PartResource<ActionRequest, ActionView> {

  public ActionResource(
      ActionService service,
      PartViews views,
      Idempotency idempotency,
      Caller caller,
      MergePatches patches) {
    super(
        new PartKind<>(
            "actions",
            service,
            views::of,
            PartEditables::of,
            ActionRequest::command,
            ActionRequest.class),
        idempotency,
        caller,
        patches);
  }
}
