package io.kam.gateway;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket: requests exactly as written (dot-segments, bodies on GET, forged
 * headers) that an HTTP client library would normalize or refuse, from a chosen loopback address.
 */
final class RawHttp implements Closeable {

  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(20_000);
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** A connection to the gateway under test from {@code localAddress} (e.g. 127.0.0.3). */
  static RawHttp from(String localAddress) throws IOException {
    return new RawHttp(
        new Socket(
            InetAddress.getByName("127.0.0.1"),
            RestAssured.port,
            InetAddress.getByName(localAddress),
            0));
  }

  Response exchange(String request) throws IOException {
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return read(request.startsWith("HEAD "));
  }

  /** A GET with the given extra header lines (each ending in CRLF). */
  Response get(String target, String headerLines) throws IOException {
    return exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headerLines + "\r\n");
  }

  Response read(boolean head) throws IOException {
    String status = line();
    Map<String, String> headers = new TreeMap<>();
    for (String l = line(); !l.isEmpty(); l = line()) {
      int colon = l.indexOf(':');
      headers.put(
          l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (head) {
      // a HEAD answer has a length but no body
    } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      for (int size = Integer.parseInt(line().trim(), 16);
          size > 0;
          size = Integer.parseInt(line().trim(), 16)) {
        body.write(in.readNBytes(size));
        line();
      }
      line();
    } else if (headers.containsKey("content-length")) {
      body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    }
    return new Response(
        Integer.parseInt(status.split(" ")[1]), headers, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed after: " + sb);
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
