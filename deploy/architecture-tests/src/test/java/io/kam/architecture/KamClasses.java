package io.kam.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/** The production classes of the chassis, the four services and the gateway, read once. */
final class KamClasses {

  /** The four domain services: each has the api, domain, events and config layers. */
  static final List<String> SERVICES = List.of("account", "scoring", "kpi", "planning");

  /** Every deployable module, the gateway included. */
  static final List<String> MODULES = List.of("account", "scoring", "kpi", "planning", "gateway");

  // In a reactor build the modules arrive as their jars (after package) or as class folders
  // (before it): both are read; this module's own test classes are not.
  static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.kam");

  private KamClasses() {}

  static String[] packagesOfOthers(String module) {
    return MODULES.stream()
        .filter(m -> !m.equals(module))
        .map(m -> "io.kam." + m + "..")
        .toArray(String[]::new);
  }
}
