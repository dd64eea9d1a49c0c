package io.kam.chassis.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every response carries {@code X-Request-Id}: the caller's when it sent a sane one, a new one
 * otherwise. Installed as the first Vert.x route so problem responses and /q endpoints get it too;
 * it is put into the logging MDC for every line logged while serving the request.
 */
@Singleton
public class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String CONTEXT_KEY = "kam.requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  void install(@Observes Router router) {
    router
        .route()
        .order(Integer.MIN_VALUE + 10)
        .handler(
            rc -> {
              String id = accept(rc.request().getHeader(HEADER));
              rc.put(CONTEXT_KEY, id);
              rc.response().putHeader(HEADER, id);
              MDC.put("requestId", id);
              rc.next();
            });
  }

  /** The caller's id if it is safe to log and echo, else a fresh one. */
  public static String accept(String candidate) {
    if (candidate != null && SANE.matcher(candidate).matches()) {
      return candidate;
    }
    return UUID.randomUUID().toString();
  }
}
