package io.kam.chassis.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETags and 304 on every JSON read of the API: a GET or HEAD answered 200 keeps the ETag its
 * resource set (single resources: their strong version tag) or gets a weak tag over its serialized
 * body; a request whose {@code If-None-Match} matches gets 304 with the tag and no body. Reads are
 * {@code Cache-Control: private, no-cache}: per caller, and always revalidated. Errors and writes
 * are never touched.
 *
 * <p>The body is serialized here, once, with the application's ObjectMapper, and handed to the
 * writer as bytes: hashing what will be sent costs one pass over bytes, not a second serialization.
 */
@Singleton
public class ConditionalReads {

  public static final String CACHE_CONTROL = "private, no-cache";

  private final ObjectMapper json;

  public ConditionalReads(ObjectMapper json) {
    this.json = json;
  }

  // Runs after every other response filter (lowest priority runs last for responses).
  @ServerResponseFilter(priority = Priorities.USER - 100)
  public void tag(
      ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource)
      throws JsonProcessingException {
    String method = request.getMethod();
    if (!("GET".equals(method) || "HEAD".equals(method))
        || response.getStatus() != 200
        || !response.hasEntity()) {
      return;
    }
    MediaType type = response.getMediaType() != null ? response.getMediaType() : produced(resource);
    if (!isJson(type)) {
      return;
    }
    Object entity = response.getEntity();
    if (entity instanceof StreamingOutput || entity instanceof InputStream) {
      return; // streamed: never buffered to be tagged
    }
    String etag = response.getHeaderString(HttpHeaders.ETAG);
    if (etag == null) {
      byte[] body =
          entity instanceof byte[] bytes
              ? bytes
              : entity instanceof String s
                  ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                  : json.writeValueAsBytes(entity);
      etag = EntityTags.weakOf(body);
      response.setEntity(body, response.getEntityAnnotations(), type);
      response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
    }
    if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }
    if (EntityTags.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
      response.setStatus(304);
      response.setEntity(null);
      response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
  }

  /**
   * A {@code Response} built without a type is typed by the writer later: what its method (or
   * class) declares to produce is what it will be.
   */
  private static MediaType produced(ResourceInfo resource) {
    if (resource == null || resource.getResourceMethod() == null) {
      return null;
    }
    Produces produces = resource.getResourceMethod().getAnnotation(Produces.class);
    if (produces == null) {
      produces = resource.getResourceClass().getAnnotation(Produces.class);
    }
    return produces == null || produces.value().length != 1
        ? null
        : MediaType.valueOf(produces.value()[0]);
  }

  private static boolean isJson(MediaType type) {
    return type != null
        && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
        && !"problem+json".equals(type.getSubtype());
  }
}
