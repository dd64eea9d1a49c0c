package io.kam.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP receiver on 127.0.0.1: records every request, answers scripted statuses first. */
final class WebhookReceiver implements AutoCloseable {

  record Received(String id, String timestamp, String signature, String body, int answered) {}

  private final HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final Queue<Integer> script = new ConcurrentLinkedQueue<>();

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Integer scripted = script.poll();
          int status = scripted == null ? 200 : scripted;
          var h = exchange.getRequestHeaders();
          received.add(
              new Received(
                  h.getFirst("webhook-id"),
                  h.getFirst("webhook-timestamp"),
                  h.getFirst("webhook-signature"),
                  body,
                  status));
          byte[] answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
