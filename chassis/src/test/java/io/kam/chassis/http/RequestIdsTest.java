package io.kam.chassis.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void keepsASaneIdTheCallerSent() {
    assertEquals("req-42.a:b", RequestIds.accept("req-42.a:b"));
  }

  @Test
  void replacesAnIdUnsafeToLogWithAFreshVersion4Uuid() {
    String id = RequestIds.accept("evil\nline");
    assertNotEquals("evil\nline", id);
    UUID uuid = UUID.fromString(id);
    assertEquals(4, uuid.version());
    assertEquals(2, uuid.variant());
  }

  @Test
  void freshIdsDoNotRepeat() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      ids.add(RequestIds.accept(null));
    }
    assertEquals(10_000, ids.size());
  }
}
