package io.kam.chassis.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
    return fresh();
  }

  /**
   * A random (version 4) UUID from the thread's own generator: a request id only correlates log
   * lines, so it needs no cryptographic randomness, and {@code UUID.randomUUID()}'s shared
   * SecureRandom showed up in the gateway's profile (it runs for every request).
   */
  static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
