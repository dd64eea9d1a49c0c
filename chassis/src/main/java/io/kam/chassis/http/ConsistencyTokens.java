package io.kam.chassis.http;

import io.kam.chassis.sql.Jdbc;
import io.kam.chassis.sql.SqlParams;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts {@code KAM-Consistency-Token} on every successful write of the API that published events:
 * the events are those the request's transaction wrote to the outbox (found by the request's trace
 * id, which the outbox keeps), the token their producer, topic and, per account, the last sequence.
 * The gateway's {@code GET /api/v1/consistency} answers whether every consumer has applied it. A
 * write of more than {@value #MAX_SUBJECTS} accounts gets no token (it would not fit a header).
 */
@Singleton
public class ConsistencyTokens {

  static final int MAX_SUBJECTS = 200;
  private static final Logger LOG = Logger.getLogger(ConsistencyTokens.class);
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private final Jdbc jdbc;
  private final String producer;

  public ConsistencyTokens(Jdbc jdbc, @ConfigProperty(name = "kam.service.name") String service) {
    this.jdbc = jdbc;
    this.producer = "/" + service + "-service"; // as the outbox names the CloudEvent source
  }

  @ServerResponseFilter
  public void addToken(ContainerRequestContext request, ContainerResponseContext response) {
    if (!WRITES.contains(request.getMethod())
        || response.getStatus() >= 300
        || !request.getUriInfo().getPath().startsWith("/api/")
        || io.vertx.core.Context.isOnEventLoopThread()) {
      return;
    }
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()) {
      return;
    }
    ConsistencyToken token = tokenOf(span.getTraceId());
    if (token != null) {
      response.getHeaders().putSingle(ConsistencyToken.HEADER, token.encode());
    }
  }

  private record Written(String topic, String subject, long sequence) {}

  private ConsistencyToken tokenOf(String traceId) {
    List<Written> written;
    try {
      written =
          jdbc.list(
              "select topic, event_key, max(sequence) last from kam_chassis.outbox"
                  + " where substr(traceparent, 4, 32) = :traceId group by topic, event_key order by 1, 2 limit :limit",
              SqlParams.of("traceId", traceId, "limit", MAX_SUBJECTS + 1),
              r -> new Written(r.string("topic"), r.string("event_key"), r.longValue("last")));
    } catch (RuntimeException e) {
      LOG.debugf("no consistency token: %s", e.getMessage());
      return null;
    }
    Map<String, Long> subjects = new LinkedHashMap<>();
    for (Written w : written) {
      if (!w.topic().equals(written.get(0).topic())) {
        return null; // a service publishes to one topic; anything else is not described by one
        // token
      }
      subjects.put(w.subject(), w.sequence());
    }
    return written.isEmpty() || subjects.size() > MAX_SUBJECTS
        ? null
        : new ConsistencyToken(producer, written.get(0).topic(), subjects);
  }
}
