package io.kam.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Whoever clones the repository has every document it refers to: nothing points outside it. */
class SelfContainedDocsTest {

  static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".kam", ".mvn");

  /** Built from parts so that this file does not name what it looks for. */
  static final List<String> OUTSIDE_REFERENCES = List.of(".." + "/shared", "shared" + "/design");

  static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

  @Test
  void everyRelativeLinkInADocumentResolvesInsideTheRepository() {
    Set<String> broken = new TreeSet<>();
    for (Path md : files(".md")) {
      Matcher m = MARKDOWN_LINK.matcher(Repo.read(md));
      while (m.find()) {
        String target = m.group(1);
        if (target.contains("://") || target.startsWith("mailto:")) {
          continue;
        }
        Path resolved = md.getParent().resolve(target).normalize();
        if (!resolved.startsWith(Repo.ROOT) || !Files.exists(resolved)) {
          broken.add(Repo.ROOT.relativize(md) + " -> " + target);
        }
      }
    }
    assertTrue(broken.isEmpty(), "links that do not resolve inside the repository: " + broken);
  }

  @Test
  void noFileReferencesTheDesignFolderOutsideTheRepository() {
    Set<String> offenders = new TreeSet<>();
    for (String ext :
        List.of(".md", ".java", ".properties", ".sh", ".yaml", ".yml", ".json", ".xml")) {
      for (Path f : files(ext)) {
        String text = Repo.read(f);
        if (OUTSIDE_REFERENCES.stream().anyMatch(text::contains)) {
          offenders.add(Repo.ROOT.relativize(f).toString());
        }
      }
    }
    assertTrue(offenders.isEmpty(), "files that point outside the repository: " + offenders);
  }

  static List<Path> files(String extension) {
    try (Stream<Path> s = Files.walk(Repo.ROOT)) {
      return s.filter(p -> p.getFileName().toString().endsWith(extension))
          .filter(
              p -> {
                for (Path part : Repo.ROOT.relativize(p)) {
                  if (SKIPPED_DIRS.contains(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
