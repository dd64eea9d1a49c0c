package io.kam.system.journey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.kam.system.ServiceProcess;
import io.kam.system.SystemUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The KAM journey end to end, three times, each in a system of its own (empty databases and topics,
 * same seed, same fixed clock): once undisturbed, once with services SIGKILLed and restarted in the
 * middle, once with Kafka stopped and restarted in the middle. Each run checks the journey's
 * numbers on the way; the disturbed runs must then end in exactly the undisturbed run's state, GET
 * for GET, timestamps aside.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

  private static Map<String, JsonNode> undisturbed;

  @Test
  @Order(1)
  void theWholeJourneyWorksThroughTheGateway() {
    undisturbed = runIn("journey-undisturbed", new Journey.Disruption() {});
  }

  @Test
  @Order(2)
  void servicesKilledAndRestartedMidwayChangeNothing() {
    Map<String, JsonNode> state =
        runIn(
            "journey-killed",
            new Journey.Disruption() {
              @Override
              public void after(Journey.Step step, SystemUnderTest sut) {
                // kpi dies with snapshots in its outbox; planning dies while reacting to a HIGH
                // risk.
                switch (step) {
                  case KPI_INPUTS -> killAndRestart(sut.service("kpi"));
                  case DROP -> killAndRestart(sut.service("planning"));
                  default -> {}
                }
              }
            });
    assertSameEndState(state);
  }

  @Test
  @Order(3)
  void kafkaStoppedAndRestartedMidwayChangesNothing() {
    Map<String, JsonNode> state =
        runIn(
            "journey-kafka-restart",
            new Journey.Disruption() {
              @Override
              public void before(Journey.Step step, SystemUnderTest sut) {
                if (step == Journey.Step.NEW_REVENUE) {
                  sut.platform().stopKafka();
                }
              }

              @Override
              public void after(Journey.Step step, SystemUnderTest sut) {
                if (step == Journey.Step.NEW_REVENUE) {
                  // The write was accepted with Kafka down; its events wait in the outbox
                  // meanwhile.
                  sleep(Duration.ofSeconds(5));
                  sut.platform().startKafka();
                }
              }
            });
    assertSameEndState(state);
  }

  private static Map<String, JsonNode> runIn(String name, Journey.Disruption disruption) {
    SystemUnderTest sut = SystemUnderTest.fresh(name);
    try {
      Map<String, JsonNode> state = new Journey(sut, disruption).run();
      keep(name, state);
      return state;
    } finally {
      sut.shutdown();
    }
  }

  /** Each run's end state stays in target/journey-states for diffing when the comparison fails. */
  private static void keep(String name, Map<String, JsonNode> state) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "journey-states"));
      Api.JSON
          .writerWithDefaultPrettyPrinter()
          .writeValue(dir.resolve(name + ".json").toFile(), state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void killAndRestart(ServiceProcess service) {
    service.kill();
    service.start();
    service.awaitReady(Duration.ofSeconds(120));
  }

  private static void assertSameEndState(Map<String, JsonNode> state) {
    if (undisturbed == null) {
      fail("the undisturbed run did not complete, so there is nothing to compare with");
    }
    List<String> differences = new ArrayList<>();
    for (String path : new TreeSet<>(union(undisturbed, state))) {
      JsonNode expected = undisturbed.get(path);
      JsonNode actual = state.get(path);
      if (expected == null || !expected.equals(actual)) {
        differences.add(path + "\n  undisturbed: " + expected + "\n  disturbed:   " + actual);
      }
    }
    List<String> paths = differences.stream().map(d -> d.substring(0, d.indexOf('\n'))).toList();
    assertEquals(
        List.of(),
        differences.subList(0, Math.min(differences.size(), 3)),
        differences.size()
            + " GETs differ from the undisturbed run (target/journey-states has both): "
            + paths);
  }

  private static TreeSet<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }

  private static void sleep(Duration d) {
    Api.sleep(d.toMillis());
  }
}
