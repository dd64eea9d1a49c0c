package io.kam.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The small part of Kustomize the manifests use, enough to check the rendered overlays without a
 * cluster or the kustomize binary: resources (files and directories), labels (metadata only),
 * patches from files (strategic merge for built-in kinds: lists of named items merge by name; JSON
 * merge for custom resources: lists are replaced), inline JSON 6902 patches with a target
 * kind/name, namespace and images. Anything else in a kustomization.yaml is an error.
 */
final class Kustomize {

  static final Set<String> KNOWN_FIELDS =
      Set.of("apiVersion", "kind", "namespace", "resources", "patches", "images", "labels");
  private static final Set<String> BUILT_IN_GROUPS =
      Set.of("v1", "apps/v1", "policy/v1", "autoscaling/v2", "networking.k8s.io/v1");
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

  private Kustomize() {}

  static List<ObjectNode> build(Path dir) {
    Path file = dir.resolve("kustomization.yaml");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(Repo.rel(dir) + " has no kustomization.yaml");
    }
    ObjectNode k = Repo.yaml(file);
    k.fieldNames()
        .forEachRemaining(
            f -> {
              if (!KNOWN_FIELDS.contains(f)) {
                throw new AssertionError(
                    Repo.rel(file)
                        + ": field '"
                        + f
                        + "' is not supported by the manifest tests' kustomize");
              }
            });
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.asText()).normalize();
      if (Files.isDirectory(p)) {
        out.addAll(build(p));
      } else if (Files.isRegularFile(p)) {
        out.addAll(Repo.yamlDocs(p));
      } else {
        throw new AssertionError(Repo.rel(file) + ": resource " + r.asText() + " does not exist");
      }
    }
    for (JsonNode l : k.path("labels")) {
      l.path("pairs")
          .fields()
          .forEachRemaining(
              e -> out.forEach(res -> metadata(res).with("labels").set(e.getKey(), e.getValue())));
    }
    for (JsonNode patch : k.path("patches")) {
      if (patch.has("path")) {
        Path p = dir.resolve(patch.get("path").asText());
        if (!Files.isRegularFile(p)) {
          throw new AssertionError(Repo.rel(file) + ": patch " + p + " does not exist");
        }
        for (ObjectNode doc : Repo.yamlDocs(p)) {
          ObjectNode target =
              find(out, doc.path("kind").asText(), doc.path("metadata").path("name").asText());
          if (target == null) {
            throw new AssertionError(
                Repo.rel(p)
                    + ": patches "
                    + doc.path("kind").asText()
                    + " "
                    + doc.path("metadata").path("name").asText()
                    + ", which the resources do not have");
          }
          merge(target, doc, BUILT_IN_GROUPS.contains(doc.path("apiVersion").asText()));
        }
      } else {
        String kind = patch.path("target").path("kind").asText(null);
        String name = patch.path("target").path("name").asText(null);
        JsonNode ops;
        try {
          ops = Repo.YAML.readTree(patch.path("patch").asText());
        } catch (JsonProcessingException e) {
          throw new AssertionError(
              Repo.rel(file) + ": inline patch is not YAML: " + e.getOriginalMessage());
        }
        int matched = 0;
        for (ObjectNode res : out) {
          if ((kind == null || kind.equals(res.path("kind").asText()))
              && (name == null || name.equals(res.path("metadata").path("name").asText()))) {
            for (JsonNode op : ops) {
              apply6902(res, op, file);
            }
            matched++;
          }
        }
        if (matched == 0) {
          throw new AssertionError(
              Repo.rel(file) + ": patch target " + patch.path("target") + " matches nothing");
        }
      }
    }
    if (k.has("namespace")) {
      for (ObjectNode res : out) {
        if (!CLUSTER_SCOPED.contains(res.path("kind").asText())) {
          metadata(res).put("namespace", k.get("namespace").asText());
        }
      }
    }
    for (JsonNode img : k.path("images")) {
      String from = img.path("name").asText();
      int used = 0;
      for (ObjectNode res : out) {
        for (JsonNode c : res.path("spec").path("template").path("spec").path("containers")) {
          String image = c.path("image").asText();
          String repo = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
          String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "latest";
          if (repo.equals(from)) {
            ((ObjectNode) c)
                .put(
                    "image",
                    img.path("newName").asText(repo) + ":" + img.path("newTag").asText(tag));
            used++;
          }
        }
      }
      if (used == 0) {
        throw new AssertionError(Repo.rel(file) + ": image " + from + " is used by no container");
      }
    }
    return out;
  }

  static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
    for (ObjectNode r : resources) {
      if (r.path("kind").asText().equals(kind)
          && r.path("metadata").path("name").asText().equals(name)) {
        return r;
      }
    }
    return null;
  }

  private static ObjectNode metadata(ObjectNode res) {
    return res.with("metadata");
  }

  /** Strategic merge (lists of named maps merge by name) or JSON merge (lists replaced). */
  static void merge(ObjectNode target, JsonNode patch, boolean strategic) {
    Iterator<Map.Entry<String, JsonNode>> it = patch.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode cur = target.get(e.getKey());
      JsonNode val = e.getValue();
      if (val.isNull()) {
        target.remove(e.getKey());
      } else if (cur != null && cur.isObject() && val.isObject()) {
        merge((ObjectNode) cur, val, strategic);
      } else if (strategic
          && cur != null
          && cur.isArray()
          && val.isArray()
          && named(cur)
          && named(val)) {
        for (JsonNode item : val) {
          JsonNode existing = null;
          for (JsonNode c : cur) {
            if (c.path("name").equals(item.path("name"))) {
              existing = c;
            }
          }
          if (existing == null) {
            ((ArrayNode) cur).add(item.deepCopy());
          } else {
            merge((ObjectNode) existing, item, true);
          }
        }
      } else {
        target.set(e.getKey(), val.deepCopy());
      }
    }
  }

  private static boolean named(JsonNode array) {
    for (JsonNode n : array) {
      if (!n.isObject() || !n.has("name")) {
        return false;
      }
    }
    return array.size() > 0;
  }

  private static void apply6902(ObjectNode res, JsonNode op, Path file) {
    String kind = op.path("op").asText();
    String[] parts = op.path("path").asText().substring(1).split("/");
    JsonNode parent = res;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parent.get(unescape(parts[i]));
      if (parent == null || !parent.isObject()) {
        throw new AssertionError(
            Repo.rel(file)
                + ": path "
                + op.path("path").asText()
                + " does not exist in "
                + res.path("kind").asText()
                + " "
                + res.path("metadata").path("name").asText());
      }
    }
    ObjectNode o = (ObjectNode) parent;
    String last = unescape(parts[parts.length - 1]);
    switch (kind) {
      case "replace" -> {
        if (!o.has(last)) {
          throw new AssertionError(
              Repo.rel(file)
                  + ": replace of missing "
                  + op.path("path").asText()
                  + " in "
                  + res.path("kind").asText()
                  + " "
                  + res.path("metadata").path("name").asText());
        }
        o.set(last, op.get("value").deepCopy());
      }
      case "add" -> o.set(last, op.get("value").deepCopy());
      case "remove" -> o.remove(last);
      default -> throw new AssertionError(Repo.rel(file) + ": unsupported patch op " + kind);
    }
  }

  private static String unescape(String s) {
    return s.replace("~1", "/").replace("~0", "~");
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
