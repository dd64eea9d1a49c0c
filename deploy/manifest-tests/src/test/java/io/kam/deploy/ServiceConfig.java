package io.kam.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the processes really read, taken from their sources: application.properties of each module,
 * the chassis defaults, the config names in the Java sources, the configuration metadata of the
 * Quarkus extensions, and the topics of the event contract.
 */
final class ServiceConfig {

  /** A deployable process: its Maven module, default port, management port and database. */
  record Process(
      String name,
      String module,
      int port,
      int managementPort,
      String database,
      Properties properties) {
    boolean isGateway() {
      return name.equals("gateway");
    }
  }

  static final List<String> NAMES = List.of("account", "scoring", "kpi", "planning", "gateway");
  static final Map<String, Process> PROCESSES = loadProcesses();
  static final Properties CHASSIS =
      load(Repo.ROOT.resolve("chassis/src/main/resources/META-INF/microprofile-config.properties"));

  /**
   * The health endpoints SmallRye Health serves (quarkus-smallrye-health in the chassis), on the
   * management port.
   */
  static final Set<String> HEALTH_PATHS =
      Set.of("/q/health/live", "/q/health/ready", "/q/health/started", "/q/health");

  static final String METRICS_PATH = "/q/metrics";

  /**
   * Variables read by the container image rather than by the application (run-java.sh of the ubi9
   * OpenJDK runtime image).
   */
  static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_APP_JAR", "LANGUAGE");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
  private static Set<String> javaNames;
  private static Set<String> quarkusEnvNames;

  private ServiceConfig() {}

  static String moduleOf(String name) {
    return name.equals("gateway") ? "gateway" : name + "-service";
  }

  private static Map<String, Process> loadProcesses() {
    Map<String, Process> m = new LinkedHashMap<>();
    for (String n : NAMES) {
      String module = moduleOf(n);
      Properties p =
          load(Repo.ROOT.resolve(module).resolve("src/main/resources/application.properties"));
      int port =
          Integer.parseInt(
              defaultOf(p.getProperty("quarkus.http.port"), "quarkus.http.port of " + module));
      int management =
          Integer.parseInt(
              defaultOf(
                  p.getProperty("quarkus.management.port"),
                  "quarkus.management.port of " + module));
      String url =
          defaultOf(
              p.getProperty("quarkus.datasource.jdbc.url"),
              "quarkus.datasource.jdbc.url of " + module);
      String db = url.substring(url.lastIndexOf('/') + 1);
      m.put(n, new Process(n, module, port, management, db, p));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The default of "${ENV:default}", or the literal value. */
  static String defaultOf(String value, String what) {
    if (value == null) {
      throw new IllegalStateException(what + " is not set");
    }
    Matcher m = Pattern.compile("^\\$\\{[A-Z0-9_]+:(.*)}$").matcher(value.trim());
    return m.matches() ? m.group(1) : value.trim();
  }

  static Properties load(Path p) {
    Properties props = new Properties();
    try {
      props.load(new StringReader(Repo.read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return props;
  }

  /** Every application.properties and the chassis defaults, as text. */
  static String allPropertiesText() {
    StringBuilder sb =
        new StringBuilder(
            Repo.read(
                Repo.ROOT.resolve(
                    "chassis/src/main/resources/META-INF/microprofile-config.properties")));
    for (Process p : PROCESSES.values()) {
      sb.append('\n')
          .append(
              Repo.read(
                  Repo.ROOT
                      .resolve(p.module())
                      .resolve("src/main/resources/application.properties")));
    }
    return sb.toString();
  }

  /** Environment variables named in ${...} placeholders of the properties files. */
  static Set<String> placeholderVariables() {
    Set<String> s = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(allPropertiesText());
    while (m.find()) {
      s.add(m.group(1));
    }
    return s;
  }

  /** Property names set in the properties files (profile prefixes removed). */
  static Set<String> propertyNames() {
    Set<String> s = new TreeSet<>();
    for (Object k : CHASSIS.keySet()) {
      s.add(stripProfile(k.toString()));
    }
    for (Process p : PROCESSES.values()) {
      for (Object k : p.properties().keySet()) {
        s.add(stripProfile(k.toString()));
      }
    }
    return s;
  }

  private static String stripProfile(String k) {
    return k.startsWith("%") ? k.substring(k.indexOf('.') + 1) : k;
  }

  /** The environment variable SmallRye Config maps to a property name. */
  static String envName(String property) {
    return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * Config names the Java sources read: @ConfigProperty names, @ConfigMapping prefixes and
   * System.getenv names, from every module's src/main/java.
   */
  static synchronized Set<String> javaConfigNames() {
    if (javaNames == null) {
      Set<String> s = new TreeSet<>();
      Pattern p =
          Pattern.compile(
              "@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"|@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"|getenv\\(\\s*\"([^\"]+)\"");
      for (Path src : javaSources()) {
        Matcher m = p.matcher(Repo.read(src));
        while (m.find()) {
          for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null) {
              s.add(m.group(g));
            }
          }
        }
      }
      javaNames = s;
    }
    return javaNames;
  }

  static List<Path> javaSources() {
    try (var dirs = Files.list(Repo.ROOT)) {
      return dirs.map(d -> d.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .flatMap(d -> Repo.files(d, ".java").stream())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A method of a @ConfigMapping interface (or of an interface nested in it): one name segment. */
  record Member(List<String> tokens, boolean map) {}

  private static Map<String, List<Member>> mappings;

  /**
   * @ConfigMapping prefixes and the members declared in their source files.
   */
  static synchronized Map<String, List<Member>> configMappings() {
    if (mappings == null) {
      Map<String, List<Member>> m = new LinkedHashMap<>();
      Pattern prefix = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
      Pattern method = Pattern.compile("(?m)^\\s*([\\w.<>, ?]+?)\\s+(\\w+)\\(\\)\\s*;");
      for (Path src : javaSources()) {
        String text = Repo.read(src);
        Matcher pm = prefix.matcher(text);
        if (!pm.find()) {
          continue;
        }
        List<Member> members = new java.util.ArrayList<>();
        Matcher mm = method.matcher(text);
        while (mm.find()) {
          String kebab = mm.group(2).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
          members.add(
              new Member(
                  List.of(envName(kebab).split("_")), mm.group(1).trim().startsWith("Map<")));
        }
        m.put(pm.group(1), members);
      }
      mappings = m;
    }
    return mappings;
  }

  /**
   * Whether tokens from position i are a chain of members (a map member takes any one key next).
   */
  private static boolean matches(
      List<String> tokens, int i, List<Member> members, boolean keyNext) {
    if (i == tokens.size()) {
      return !keyNext;
    }
    if (keyNext && matches(tokens, i + 1, members, false)) {
      return true;
    }
    for (Member mb : members) {
      int n = mb.tokens().size();
      if (i + n <= tokens.size()
          && tokens.subList(i, i + n).equals(mb.tokens())
          && matches(tokens, i + n, members, mb.map())) {
        return true;
      }
    }
    return false;
  }

  /** Environment names of every property the Quarkus extensions on the test classpath document. */
  static synchronized Set<String> quarkusEnvNames() {
    if (quarkusEnvNames == null) {
      Set<String> s = new TreeSet<>();
      try {
        var urls =
            ServiceConfig.class
                .getClassLoader()
                .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
        for (URL u : Collections.list(urls)) {
          try (InputStream in = u.openStream()) {
            collectProperties(Repo.JSON.readTree(in), s);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (s.size() < 100) {
        throw new IllegalStateException(
            "the Quarkus configuration metadata was not found on the classpath");
      }
      quarkusEnvNames = s;
    }
    return quarkusEnvNames;
  }

  private static void collectProperties(JsonNode n, Set<String> out) {
    if (n.isObject()) {
      JsonNode path = n.get("path");
      if (path != null && path.isObject() && path.has("property")) {
        out.add(envName(path.get("property").asText().replace("\"", "")));
      }
      n.forEach(c -> collectProperties(c, out));
    } else if (n.isArray()) {
      n.forEach(c -> collectProperties(c, out));
    }
  }

  /**
   * Why an environment variable is read by a process, or null when nothing reads it: a ${VAR}
   * placeholder, a property of the services' configuration, a name the Java code reads (exactly, or
   * under a @ConfigMapping prefix), a documented Quarkus property, or the image.
   */
  static String whoReads(String env) {
    if (placeholderVariables().contains(env)) {
      return "placeholder in the properties";
    }
    for (String p : propertyNames()) {
      if (envName(p).equals(env)) {
        return "property " + p;
      }
    }
    for (String n : javaConfigNames()) {
      if (envName(n).equals(env)) {
        return "Java config " + n;
      }
    }
    for (Map.Entry<String, List<Member>> m : configMappings().entrySet()) {
      String prefix = envName(m.getKey()) + "_";
      if (env.startsWith(prefix)
          && matches(List.of(env.substring(prefix.length()).split("_")), 0, m.getValue(), false)) {
        return "@ConfigMapping " + m.getKey();
      }
    }
    if (env.startsWith("QUARKUS_") && quarkusEnvNames().contains(env)) {
      return "Quarkus property";
    }
    if (env.startsWith("KAFKA_") && kafkaClientSettings().contains(kafkaSetting(env))) {
      return "Kafka client setting "
          + kafkaSetting(env)
          + " (kafka.* of the connector and chassis)";
    }
    if (IMAGE_VARIABLES.contains(env)) {
      return "container image";
    }
    return null;
  }

  /** The Kafka client setting a KAFKA_* variable sets, as the connector maps it. */
  static String kafkaSetting(String env) {
    return env.substring("KAFKA_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.');
  }

  /** Every setting of Kafka's producer, consumer and admin clients. */
  static Set<String> kafkaClientSettings() {
    Set<String> s = new TreeSet<>(org.apache.kafka.clients.producer.ProducerConfig.configNames());
    s.addAll(org.apache.kafka.clients.consumer.ConsumerConfig.configNames());
    s.addAll(org.apache.kafka.clients.admin.AdminClientConfig.configNames());
    return s;
  }

  /** The topics a process consumes: the topic of each incoming channel in its properties. */
  static Set<String> consumedTopics(Process p) {
    Set<String> s = new TreeSet<>();
    p.properties()
        .forEach(
            (k, v) -> {
              String key = k.toString();
              if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                s.add(v.toString().trim());
              }
            });
    return s;
  }

  /**
   * The consumer groups of a process: a channel's group.id, else the connector's default (the
   * chassis sets it to the application name).
   */
  static Set<String> consumerGroups(Process p) {
    String fallback = CHASSIS.getProperty("mp.messaging.connector.smallrye-kafka.group.id");
    if (!"${quarkus.application.name}".equals(fallback)) {
      throw new IllegalStateException("the chassis's default group.id changed: " + fallback);
    }
    Set<String> s = new TreeSet<>();
    p.properties()
        .forEach(
            (k, v) -> {
              String key = k.toString();
              if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                String channel = key.substring(0, key.length() - ".topic".length());
                s.add(
                    p.properties()
                        .getProperty(
                            channel + ".group.id",
                            p.properties().getProperty("quarkus.application.name"))
                        .trim());
              }
            });
    return s;
  }

  /** The topic each process produces, from the topic table of the README (topic | producer). */
  static Map<String, String> producedTopics() {
    Map<String, String> m = new LinkedHashMap<>();
    Matcher t =
        Pattern.compile("(?m)^\\| `(kam\\.[a-z]+\\.events)` \\| ([a-z]+) \\|")
            .matcher(Repo.read(Repo.ROOT.resolve("README.md")));
    while (t.find()) {
      m.put(t.group(2), t.group(1));
    }
    if (!m.keySet().containsAll(List.of("account", "scoring", "kpi", "planning"))) {
      throw new IllegalStateException("the README's topic table names producers " + m.keySet());
    }
    return m;
  }

  /**
   * Event topics named in the documentation (docs/events.md, docs/architecture.md) and the
   * services' properties.
   */
  static Set<String> topics() {
    Set<String> s = new TreeSet<>();
    Pattern p = Pattern.compile("\\bkam\\.[a-z]+\\.events\\b(?!\\.dlq)");
    Path docs = Repo.ROOT.resolve("docs");
    StringBuilder text = new StringBuilder(allPropertiesText());
    for (String f : List.of("events.md", "architecture.md")) {
      text.append('\n').append(Repo.read(docs.resolve(f)));
    }
    text.append('\n').append(Repo.read(Repo.ROOT.resolve("README.md")));
    Matcher m = p.matcher(text);
    while (m.find()) {
      s.add(m.group());
    }
    if (s.size() < 4) {
      throw new IllegalStateException("topics not found in the documentation: " + s);
    }
    return s;
  }

  /** Each topic and its dead-letter twin. */
  static Set<String> topicsWithDeadLetters() {
    Set<String> s = new TreeSet<>();
    for (String t : topics()) {
      s.add(t);
      s.add(t + ".dlq");
    }
    return s;
  }
}
