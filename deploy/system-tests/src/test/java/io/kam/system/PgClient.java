package io.kam.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL client tools of the setting {@code KAM_PG_BIN} (a directory holding {@code
 * pg_dump} and {@code pg_restore}), as an on-call engineer runs them. pg_dump refuses a server of a
 * newer major version and an older pg_restore cannot read a newer dump, so both must be of the
 * server's major version: {@link #requireMajor} says so plainly instead of a failure mid-drill.
 */
final class PgClient {

  static final String SETTING = "KAM_PG_BIN";
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");
  private static final long TIMEOUT_SECONDS = 300;

  final Path bin;
  final String version;
  final int major;

  private PgClient(Path bin, String version, int major) {
    this.bin = bin;
    this.version = version;
    this.major = major;
  }

  /** The client named by {@code KAM_PG_BIN}, or empty when the setting is absent or blank. */
  static Optional<PgClient> fromEnvironment() {
    String dir = System.getenv(SETTING);
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(at(Path.of(dir.trim())));
  }

  /** Checks that {@code bin} holds a runnable pg_dump and pg_restore of one major version. */
  static PgClient at(Path bin) {
    String dump = versionOf(bin, "pg_dump");
    String restore = versionOf(bin, "pg_restore");
    if (major(dump) != major(restore)) {
      throw new IllegalStateException(
          SETTING + "=" + bin + ": pg_dump is " + dump + " but pg_restore is " + restore);
    }
    return new PgClient(bin, dump, major(dump));
  }

  /** Fails unless the tools are of {@code serverMajor}, naming both versions. */
  PgClient requireMajor(int serverMajor, String serverVersion) {
    if (major != serverMajor) {
      throw new IllegalStateException(
          SETTING
              + "="
              + bin
              + ": pg_dump and pg_restore are PostgreSQL "
              + version
              + " but the server is "
              + serverVersion
              + "; set "
              + SETTING
              + " to a directory holding the PostgreSQL "
              + serverMajor
              + " client (see deploy/OPERATIONS.md)");
    }
    return this;
  }

  /** Runs {@code tool} (pg_dump, pg_restore) with {@code args}; its output in the failure. */
  void run(String tool, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(bin.resolve(tool).toString());
    command.addAll(args);
    Result r = exec(command);
    if (r.exit != 0) {
      throw new IllegalStateException(
          tool + " " + String.join(" ", args) + " exited with " + r.exit + ":\n" + r.output);
    }
  }

  private static String versionOf(Path bin, String tool) {
    Path exe = bin.resolve(tool);
    if (!Files.isExecutable(exe)) {
      throw new IllegalStateException(
          SETTING
              + "="
              + bin
              + " holds no executable "
              + tool
              + " (it needs pg_dump and pg_restore)");
    }
    Result r = exec(List.of(exe.toString(), "--version"));
    Matcher m = VERSION.matcher(r.output);
    if (r.exit != 0 || !m.find()) {
      throw new IllegalStateException(
          exe + " --version did not run (exit " + r.exit + "): " + r.output.strip());
    }
    return m.group(1) + (m.group(2) == null ? "" : m.group(2));
  }

  private static int major(String version) {
    int dot = version.indexOf('.');
    return Integer.parseInt(dot < 0 ? version : version.substring(0, dot));
  }

  private record Result(int exit, String output) {}

  private static Result exec(List<String> command) {
    try {
      Path out = Files.createTempFile("pg-client", ".out");
      try {
        Process p =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(
              command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + command.get(0), e);
    }
  }
}
