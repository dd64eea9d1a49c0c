package io.kam.gateway.webhook;

import io.kam.gateway.config.WebhookConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one webhook and reports what happened; it blocks its (worker) thread, never an event loop.
 * Redirects are not followed (a 3xx is a failure: it could point anywhere); the connect time, the
 * whole exchange and the bytes read of an answer are bounded.
 */
@Singleton
public class WebhookSender {

  /** {@code status} 0 when no answer came; {@code failure} says why then. */
  public record Outcome(
      int status, String retryAfter, long latencyMs, String responseStart, String failure) {
    public boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  private final WebhookConfig config;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon());
  private final HttpClient client;

  public WebhookSender(WebhookConfig config) {
    this.config = config;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  public Outcome send(String url, String id, long timestamp, String signature, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "kam-webhooks/1")
            .header("webhook-id", id)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(request, info -> new Bounded(config.maxResponseBytes()));
    try {
      HttpResponse<byte[]> response =
          future.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      byte[] bytes = response.body();
      int keep = Math.min(bytes.length, config.logBytes());
      return new Outcome(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          elapsed(start),
          new String(bytes, 0, keep, StandardCharsets.UTF_8),
          null);
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(start, "timeout");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
        return failed(start, "connection failed");
      }
      return failed(start, cause instanceof HttpTimeoutException ? "timeout" : "connection error");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return failed(start, "interrupted");
    }
  }

  private static Outcome failed(long start, String why) {
    return new Outcome(0, null, elapsed(start), null, why);
  }

  private static long elapsed(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "webhook-http");
      t.setDaemon(true);
      return t;
    };
  }

  /** Keeps the first {@code max} bytes of an answer, then stops reading it. */
  private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Bounded(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer b : items) {
        int n = Math.min(b.remaining(), max - out.size());
        byte[] chunk = new byte[n];
        b.get(chunk);
        out.write(chunk, 0, n);
      }
      if (out.size() >= max) {
        subscription.cancel();
        result.complete(out.toByteArray());
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(out.toByteArray());
    }
  }
}
