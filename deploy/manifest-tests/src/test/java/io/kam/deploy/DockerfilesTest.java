package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker: one JVM image per process, built from the Quarkus fast-jar. */
class DockerfilesTest {

  static final Path DIR = Repo.DEPLOY.resolve("docker");

  /** Maintained Java 21+ runtime images. */
  static final Pattern BASE =
      Pattern.compile(
          "^FROM (eclipse-temurin:(2[1-9]|[3-9]\\d)[.\\d]*-jre\\S*|registry\\.access\\.redhat\\.com/ubi9/openjdk-(2[1-9]|[3-9]\\d)-runtime(:\\S+)?)$");

  /** Logical lines: continuation backslashes joined. */
  static List<String> instructions(Path f) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String line : Repo.read(f).split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      if (t.endsWith("\\")) {
        cur.append(t, 0, t.length() - 1).append(' ');
      } else {
        out.add(cur.append(t).toString());
        cur.setLength(0);
      }
    }
    return out;
  }

  @Test
  void oneDockerfilePerProcessAndNothingElse() {
    Set<String> expected = new TreeSet<>();
    ServiceConfig.PROCESSES.values().forEach(p -> expected.add(p.module() + ".Dockerfile"));
    Set<String> actual = new TreeSet<>();
    Repo.files(DIR).forEach(f -> actual.add(f.getFileName().toString()));
    assertEquals(expected, actual);
  }

  @Test
  void everyImageIsANonRootJre21FastJarOnTheProcessPort() {
    Problems p = new Problems();
    for (ServiceConfig.Process proc : ServiceConfig.PROCESSES.values()) {
      Path f = DIR.resolve(proc.module() + ".Dockerfile");
      String name = f.getFileName().toString();
      List<String> ins = instructions(f);
      List<String> froms = ins.stream().filter(i -> i.startsWith("FROM ")).toList();
      p.check(
          froms.size() == 1 && BASE.matcher(froms.get(0)).matches(),
          name + ": base image " + froms);
      // The fast-jar layers of this module, in the order that keeps cached layers longest.
      List<String> copies = ins.stream().filter(i -> i.startsWith("COPY ")).toList();
      String src = proc.module() + "/target/quarkus-app/";
      List<String> layers = List.of("lib/", "*.jar", "app/", "quarkus/");
      p.check(copies.size() == layers.size(), name + ": " + copies.size() + " COPY instructions");
      for (int i = 0; i < Math.min(copies.size(), layers.size()); i++) {
        p.check(
            copies.get(i).contains(" " + src + layers.get(i) + " "),
            name + ": layer " + (i + 1) + " should copy " + src + layers.get(i));
      }
      List<String> users = ins.stream().filter(i -> i.startsWith("USER ")).toList();
      p.check(!users.isEmpty(), name + ": no USER");
      if (!users.isEmpty()) {
        String user = users.get(users.size() - 1).substring(5).trim();
        p.check(
            !user.equals("root") && !user.equals("0") && !user.startsWith("0:"),
            name + ": runs as root");
        int lastUser = ins.lastIndexOf(users.get(users.size() - 1));
        p.check(
            lastUser > ins.indexOf(copies.get(copies.size() - 1)),
            name + ": USER comes after the COPYs");
      }
      List<String> expose = ins.stream().filter(i -> i.startsWith("EXPOSE ")).toList();
      p.check(
          expose.equals(List.of("EXPOSE " + proc.port() + " " + proc.managementPort())),
          name
              + ": EXPOSE "
              + expose
              + ", the process listens on "
              + proc.port()
              + " and "
              + proc.managementPort());
      p.check(
          ins.contains("ENV KAM_MANAGEMENT_PORT=" + proc.managementPort()),
          name + ": KAM_MANAGEMENT_PORT=" + proc.managementPort());
      p.check(
          ins.contains("ENV KAM_HTTP_PORT=" + proc.port()),
          name + ": KAM_HTTP_PORT=" + proc.port());
      for (String i : ins) {
        Matcher env = Pattern.compile("^ENV ([A-Z_][A-Z0-9_]*)=").matcher(i);
        if (env.find()) {
          p.check(
              ServiceConfig.whoReads(env.group(1)) != null,
              name + ": " + env.group(1) + " is read by nothing");
        }
      }
      String health = ins.stream().filter(i -> i.startsWith("HEALTHCHECK ")).findFirst().orElse("");
      Matcher path = Pattern.compile("(/q/health/[a-z]+)").matcher(health);
      p.check(
          !health.isEmpty() && path.find() && ServiceConfig.HEALTH_PATHS.contains(path.group(1)),
          name + ": HEALTHCHECK on a health path");
      p.check(
          health.contains("${KAM_MANAGEMENT_PORT}"), name + ": HEALTHCHECK on the management port");
      p.check(
          ins.stream().anyMatch(i -> i.startsWith("ENTRYPOINT ") || i.startsWith("CMD ")),
          name + ": ENTRYPOINT");
      p.check(
          ins.stream().noneMatch(i -> i.matches("^(ENV|ARG) \\S*(PASSWORD|SECRET)\\S*=.*")),
          name + ": a secret baked into the image");
    }
    p.assertNone();
  }
}
