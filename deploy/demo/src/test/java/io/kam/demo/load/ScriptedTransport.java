package io.kam.demo.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * A transport answering from a script, recording requests (with their bodies) and the sleeps
 * between retries.
 */
final class ScriptedTransport implements Gateway.Transport {

  record Sent(String method, String path, Map<String, List<String>> headers, String body) {}

  private final Deque<Object> script = new ArrayDeque<>();
  final List<Sent> sent = new ArrayList<>();
  final List<Duration> sleeps = new ArrayList<>();

  ScriptedTransport reply(int status, String body, String... headerPairs) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    for (int i = 0; i < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
    }
    script.add(new Gateway.Reply(status, body, headers));
    return this;
  }

  ScriptedTransport refuse() {
    script.add(new ConnectException("Connection refused"));
    return this;
  }

  Gateway gateway() {
    return new Gateway(java.net.URI.create("http://gateway.test/"), this, sleeps::add);
  }

  @Override
  public Gateway.Reply send(HttpRequest request) throws IOException {
    sent.add(
        new Sent(
            request.method(),
            request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()),
            request.headers().map(),
            body(request)));
    Object next =
        script.isEmpty() ? new Gateway.Reply(500, "script exhausted", Map.of()) : script.poll();
    if (next instanceof IOException e) {
      throw e;
    }
    return (Gateway.Reply) next;
  }

  static String body(HttpRequest request) {
    if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    request
        .bodyPublisher()
        .get()
        .subscribe(
            new Flow.Subscriber<>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                sb.append(StandardCharsets.UTF_8.decode(item));
              }

              @Override
              public void onError(Throwable t) {}

              @Override
              public void onComplete() {}
            });
    return sb.toString();
  }
}
