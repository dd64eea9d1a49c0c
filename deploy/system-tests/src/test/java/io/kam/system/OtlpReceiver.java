package io.kam.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver (protobuf, {@code POST /v1/traces}) for the system under test: it
 * keeps the last spans it was sent, each with the service that sent it. The protobuf is read by
 * hand, only the fields a test asserts (trace and span ids, parent, name, kind, service.name), so
 * no OTLP library is needed.
 */
final class OtlpReceiver {

  /** A received span; {@code kind} as in OTLP: 2 server, 3 client, 4 producer, 5 consumer. */
  record Span(
      String service, String traceId, String spanId, String parentId, String name, int kind) {}

  private static final int KEPT = 20_000;
  private static OtlpReceiver shared;

  private final HttpServer server;
  private final Deque<Span> spans = new ArrayDeque<>();

  private OtlpReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> daemon(r)));
    server.start();
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "otlp-receiver");
    t.setDaemon(true);
    return t;
  }

  /** The one receiver every system of this test JVM exports to. */
  static synchronized OtlpReceiver shared() {
    if (shared == null) {
      shared = new OtlpReceiver();
    }
    return shared;
  }

  /** The base URL for {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (http/protobuf). */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized List<Span> trace(String traceId) {
    return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in =
          "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
              ? new GZIPInputStream(exchange.getRequestBody())
              : exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (exchange.getRequestURI().getPath().endsWith("/v1/traces")) {
        List<Span> received = new ArrayList<>();
        for (byte[] resourceSpans : new Proto(body).all(1)) {
          readResourceSpans(resourceSpans, received);
        }
        synchronized (this) {
          spans.addAll(received);
          while (spans.size() > KEPT) {
            spans.removeFirst();
          }
        }
      }
      // An empty ExportTraceServiceResponse: everything accepted.
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write(new ByteArrayOutputStream().toByteArray());
    }
  }

  private static void readResourceSpans(byte[] resourceSpans, List<Span> out) {
    Proto rs = new Proto(resourceSpans);
    String service = "?";
    for (byte[] resource : rs.all(1)) {
      for (byte[] kv : new Proto(resource).all(1)) {
        Proto attribute = new Proto(kv);
        if ("service.name".equals(attribute.string(1))) {
          service = new Proto(attribute.first(2)).string(1);
        }
      }
    }
    for (byte[] scopeSpans : rs.all(2)) {
      for (byte[] span : new Proto(scopeSpans).all(2)) {
        Proto s = new Proto(span);
        out.add(
            new Span(
                service,
                hex(s.first(1)),
                hex(s.first(2)),
                hex(s.first(4)),
                s.string(5),
                (int) s.varint(6)));
      }
    }
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? "" : HexFormat.of().formatHex(bytes);
  }

  /** The fields of one protobuf message: length-delimited ones as bytes, varints as numbers. */
  private static final class Proto {
    private final List<Object[]> fields = new ArrayList<>(); // {number, byte[] or Long}

    Proto(byte[] b) {
      int[] pos = {0};
      while (b != null && pos[0] < b.length) {
        long key = readVarint(b, pos);
        int number = (int) (key >>> 3);
        switch ((int) (key & 7)) {
          case 0 -> fields.add(new Object[] {number, readVarint(b, pos)});
          case 1 -> pos[0] += 8;
          case 2 -> {
            int len = (int) readVarint(b, pos);
            byte[] value = new byte[len];
            System.arraycopy(b, pos[0], value, 0, len);
            pos[0] += len;
            fields.add(new Object[] {number, value});
          }
          case 5 -> pos[0] += 4;
          default -> throw new IllegalArgumentException("unsupported wire type in OTLP body");
        }
      }
    }

    List<byte[]> all(int number) {
      return fields.stream()
          .filter(f -> (int) f[0] == number && f[1] instanceof byte[])
          .map(f -> (byte[]) f[1])
          .toList();
    }

    byte[] first(int number) {
      List<byte[]> all = all(number);
      return all.isEmpty() ? null : all.get(0);
    }

    String string(int number) {
      byte[] b = first(number);
      return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    long varint(int number) {
      return fields.stream()
          .filter(f -> (int) f[0] == number && f[1] instanceof Long)
          .mapToLong(f -> (Long) f[1])
          .findFirst()
          .orElse(0);
    }

    private static long readVarint(byte[] b, int[] pos) {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[pos[0]++];
        result |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("malformed varint in OTLP body");
    }
  }
}
