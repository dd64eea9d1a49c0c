package io.kam.chassis.http;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Puts {@code KAM-Consistency-Token} on every successful write of the API that published
 * events: the events are those the request's transaction wrote to the outbox (found by the
 * request's trace id, which the outbox keeps), the token their producer, topic and, per
 * account, the last sequence. The gateway's {@code GET /api/v1/consistency} answers whether
 * every consumer has applied it. A write of more than {@value #MAX_SUBJECTS} accounts gets
 * no token (it would not fit a header).
 */
@Singleton
public class ConsistencyTokens {

  static final int MAX_SUBJECTS = 200;
  private static final Logger LOG = Logger.getLogger(ConsistencyTokens.class);
  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
  private final AgroalDataSource dataSource;
  private final String producer;

  public ConsistencyTokens(AgroalDataSource dataSource, @ConfigProperty(name = "kam.service.name") String service) {
    this.dataSource = dataSource;
    this.producer = "/" + service + "-service"; // as the outbox names the CloudEvent source
  }

  @ServerResponseFilter
  public void addToken(ContainerRequestContext request, ContainerResponseContext response) {
    if (!WRITES.contains(request.getMethod()) || response.getStatus() >= 300
        || !request.getUriInfo().getPath().startsWith("/api/") || io.vertx.core.Context.isOnEventLoopThread()) {
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

  private ConsistencyToken tokenOf(String traceId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select topic, event_key, max(sequence) from kam_chassis.outbox where substr(traceparent, 4, 32) = ?"
                + " group by topic, event_key order by 1, 2 limit " + (MAX_SUBJECTS + 1))) {
      ps.setString(1, traceId);
      String topic = null;
      Map<String, Long> subjects = new LinkedHashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (topic != null && !topic.equals(rs.getString(1))) {
            return null; // a service publishes to one topic; anything else is not described by one token
          }
          topic = rs.getString(1);
          subjects.put(rs.getString(2), rs.getLong(3));
        }
      }
      return topic == null || subjects.size() > MAX_SUBJECTS ? null : new ConsistencyToken(producer, topic, subjects);
    } catch (SQLException e) {
      LOG.debugf("no consistency token: %s", e.getMessage());
      return null;
    }
  }
}
