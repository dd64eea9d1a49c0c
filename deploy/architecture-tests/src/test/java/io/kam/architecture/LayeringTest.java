package io.kam.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The structure the README promises, as rules over the compiled classes: modules talk only through
 * events (never by importing each other), the chassis knows no service, and inside a service
 * imports run down the layers (api -> domain, events -> domain), never up or across.
 */
class LayeringTest {

  static Stream<String> modules() {
    return KamClasses.MODULES.stream();
  }

  static Stream<String> services() {
    return KamClasses.SERVICES.stream();
  }

  @Test
  void theRulesSeeEveryModule() {
    for (String module : KamClasses.MODULES) {
      assertTrue(
          KamClasses.ALL.stream()
              .anyMatch(c -> c.getPackageName().startsWith("io.kam." + module + ".")),
          "no classes of " + module + " were imported");
    }
    assertTrue(
        KamClasses.ALL.containPackage("io.kam.chassis.messaging"),
        "no chassis classes were imported");
  }

  @ParameterizedTest
  @MethodSource("modules")
  void noModuleImportsAnother(String module) {
    noClasses()
        .that()
        .resideInAPackage("io.kam." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KamClasses.packagesOfOthers(module))
        .because(
            "services and the gateway talk through events and HTTP, never through each other's classes")
        .check(KamClasses.ALL);
  }

  @Test
  void theChassisImportsNoService() {
    noClasses()
        .that()
        .resideInAPackage("io.kam.chassis..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            KamClasses.MODULES.stream().map(m -> "io.kam." + m + "..").toArray(String[]::new))
        .check(KamClasses.ALL);
  }

  @ParameterizedTest
  @MethodSource("services")
  void theDomainImportsNeitherTheApiNorInboundHandlers(String service) {
    noClasses()
        .that()
        .resideInAPackage("io.kam." + service + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kam." + service + ".api..", "..events..")
        .because(
            "imports run downward only: api -> domain, events -> domain (chassis mechanics live in"
                + " io.kam.chassis.messaging, so no domain class reaches an events package)")
        .check(KamClasses.ALL);
  }

  @ParameterizedTest
  @MethodSource("services")
  void theApiAndInboundHandlersDoNotImportEachOther(String service) {
    noClasses()
        .that()
        .resideInAPackage("io.kam." + service + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.kam." + service + ".events..")
        .check(KamClasses.ALL);
    noClasses()
        .that()
        .resideInAPackage("io.kam." + service + ".events..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.kam." + service + ".api..")
        .allowEmptyShould(true) // account-service consumes no events: it has no inbound handlers
        .check(KamClasses.ALL);
  }

  @ParameterizedTest
  @MethodSource("modules")
  void noPackageCycles(String module) {
    slices()
        .matching("io.kam." + module + ".(*)..")
        .should()
        .beFreeOfCycles()
        .check(KamClasses.ALL);
  }

  @Test
  void noPackageCyclesInTheChassis() {
    slices().matching("io.kam.chassis.(*)..").should().beFreeOfCycles().check(KamClasses.ALL);
  }
}
