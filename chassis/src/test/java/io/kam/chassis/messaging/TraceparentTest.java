package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TraceparentTest {

  private static final String PRODUCER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void anEventHandledWithoutASpanContinuesTheProducersTrace() {
    AtomicReference<String> seen = new AtomicReference<>();
    Traceparent.within(PRODUCER, () -> seen.set(Traceparent.current()));
    assertEquals(PRODUCER, seen.get());
    assertNull(Traceparent.current(), "the trace ends with the handler");
  }

  @Test
  void anEventWithoutTraceparentIsHandledWithoutTrace() {
    AtomicReference<String> seen = new AtomicReference<>("unset");
    Traceparent.within(null, () -> seen.set(Traceparent.current()));
    assertNull(seen.get());
  }

  @Test
  void anEventOfAnotherTraceThanTheCurrentSpanContinuesItsOwn() {
    AtomicReference<String> seen = new AtomicReference<>();
    Traceparent.within(
        "00-11111111111111111111111111111111-2222222222222222-01",
        () -> Traceparent.within(PRODUCER, () -> seen.set(Traceparent.current())));
    assertEquals(PRODUCER, seen.get());
  }
}
