package io.kam.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service running as its own OS process, as in production. */
public final class ServiceProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int port;

  /** Health and metrics: the management port, never the public one. */
  final int managementPort;

  private final Path jar;
  private final Map<String, String> env;
  private final Path log;
  private Process process;

  ServiceProcess(
      String name, int port, int managementPort, Path jar, Map<String, String> env, Path log) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.jar = jar;
    this.env = env;
    this.log = log;
  }

  public synchronized void start() {
    try {
      ProcessBuilder pb =
          new ProcessBuilder(
                  List.of(javaBin(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(env);
      process = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      if (isReady()) {
        return;
      }
      sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  boolean isReady() {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGTERM without waiting; {@link #stop} waits. */
  synchronized void signalStop() {
    if (process != null && process.isAlive()) {
      process.destroy();
    }
  }

  /** SIGTERM and wait: a clean shutdown. */
  synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      waitFor();
    }
  }

  /** SIGKILL: no shutdown hooks, nothing flushed. */
  public synchronized void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitFor();
    }
  }

  private void waitFor() {
    try {
      // A clean stop takes a few seconds; one hanging (say, on a broker that is gone) is killed
      // well within the test JVM's 30 s exit timeout.
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Where /q/health/* and /q/metrics are served. */
  String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
