package io.kam.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository on disk and how its YAML and JSON files are read. */
final class Repo {

  static final Path ROOT = root();
  static final Path DEPLOY = ROOT.resolve("deploy");
  static final Path K8S = DEPLOY.resolve("k8s");
  static final Path COMPOSE = DEPLOY.resolve("compose");
  static final Path OBSERVABILITY = DEPLOY.resolve("observability");

  /** YAML with strict typed binding: an unknown property is an error, not silently dropped. */
  static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private Repo() {}

  private static Path root() {
    String prop = System.getProperty("kam.repo.root");
    Path p = prop == null ? Path.of("../..") : Path.of(prop);
    p = p.toAbsolutePath().normalize();
    if (!Files.isRegularFile(p.resolve("pom.xml")) || !Files.isDirectory(p.resolve("deploy"))) {
      throw new IllegalStateException("not the repository root: " + p);
    }
    return p;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a YAML file. */
  static List<ObjectNode> yamlDocs(Path p) {
    List<ObjectNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(p.toFile())) {
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n == null || n.isNull() || n.isMissingNode()) {
          continue;
        }
        if (!n.isObject()) {
          throw new IllegalStateException(p + ": a document is not a mapping");
        }
        docs.add((ObjectNode) n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": " + e.getMessage(), e);
    }
    return docs;
  }

  static ObjectNode yaml(Path p) {
    List<ObjectNode> docs = yamlDocs(p);
    if (docs.size() != 1) {
      throw new IllegalStateException(p + ": expected one document, found " + docs.size());
    }
    return docs.get(0);
  }

  static JsonNode json(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(p + ": " + e.getMessage(), e);
    }
  }

  static List<Path> files(Path dir, String... suffixes) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().startsWith(".") == false || suffixes.length == 0)
          .filter(
              f ->
                  suffixes.length == 0
                      || Stream.of(suffixes).anyMatch(x -> f.toString().endsWith(x)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String rel(Path p) {
    return ROOT.relativize(p.toAbsolutePath().normalize()).toString();
  }
}
