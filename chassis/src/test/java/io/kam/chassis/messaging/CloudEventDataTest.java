package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventDataTest {

  record Payload(
      UUID parentId, String name, BigDecimal amount, LocalDate since, List<String> reasons) {}

  private static CloudEvent event(String data) throws Exception {
    return EventJson.read(
        "{\"specversion\":\"1.0\",\"id\":\""
            + UUID.randomUUID()
            + "\",\"type\":\"t\","
            + "\"source\":\"s\",\"subject\":\"x\",\"sequence\":1,\"data\":"
            + data
            + "}");
  }

  @Test
  void thePayloadReadsAsARecordIgnoringFieldsItDoesNotName() throws Exception {
    UUID parent = UUID.randomUUID();
    Payload p =
        event(
                "{\"parentId\":\""
                    + parent
                    + "\",\"name\":\"Acme\",\"amount\":12500.10,"
                    + "\"since\":\"2026-09-01\",\"reasons\":[\"a\",\"b\"],\"extra\":{\"x\":1}}")
            .data(Payload.class);
    assertEquals(
        new Payload(parent, "Acme", p.amount(), LocalDate.of(2026, 9, 1), List.of("a", "b")), p);
    assertEquals(0, new BigDecimal("12500.10").compareTo(p.amount()));
  }

  @Test
  void absentAndNullFieldsAreNullAndADecimalMayArriveAsText() throws Exception {
    Payload p = event("{\"name\":null,\"amount\":\"7.50\"}").data(Payload.class);
    assertNull(p.name());
    assertNull(p.parentId());
    assertEquals(0, new BigDecimal("7.50").compareTo(p.amount()));
  }

  @Test
  void aFieldOfTheWrongTypeIsAPermanentFailureNamingIt() throws Exception {
    PermanentEventFailure e =
        assertThrows(
            PermanentEventFailure.class,
            () -> event("{\"parentId\":\"not-a-uuid\"}").data(Payload.class));
    assertEquals("malformed: data.parentId has the wrong type or format", e.getMessage());
  }
}
