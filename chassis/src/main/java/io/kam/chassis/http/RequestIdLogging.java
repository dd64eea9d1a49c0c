package io.kam.chassis.http;

import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Carries the request id into the MDC of the thread that runs the resource method. */
public class RequestIdLogging {

  @ServerRequestFilter(preMatching = true)
  public void toMdc(RoutingContext rc) {
    Object id = rc.get(RequestIds.CONTEXT_KEY);
    if (id != null) {
      MDC.put("requestId", id);
    }
  }
}
