package io.kam.chassis.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

/** Only failures of the row itself count towards quarantine; the broker's never do. */
class PublishFailureTest {

  @Test
  void aTooLargeOrUnserialisableEventIsRejectedWithAReasonForAdmins() {
    for (Throwable e :
        List.of(
            new ExecutionException(new RecordTooLargeException("The message is 200000 bytes")),
            new SerializationException("cannot serialise"))) {
      PublishFailure f = PublishFailure.of(e);
      assertTrue(f.rejected(), e.toString());
      assertFalse(
          f.reason().contains("Exception") || f.reason().contains("org.apache"), f.reason());
    }
  }

  @Test
  void outagesAndAuthorisationProblemsAreBrokerTroubleNotTheEvent() {
    for (Throwable e :
        List.of(
            new TimeoutException("Expiring 3 record(s)"),
            new NetworkException("disconnected"),
            new ExecutionException(new TopicAuthorizationException("no")),
            new IllegalStateException("producer closed"))) {
      assertFalse(PublishFailure.of(e).rejected(), e.toString());
    }
  }

  @Test
  void healthClaimsKafkaOnlyOnRecentEvidence() {
    RelayStatus status = new RelayStatus(Duration.ofMinutes(1));
    assertEquals("unknown", status.kafka());
    status.acknowledged();
    assertEquals("reachable", status.kafka());
    status.trouble();
    assertEquals("unreachable", status.kafka());
    RelayStatus expired = new RelayStatus(Duration.ZERO);
    expired.acknowledged();
    assertEquals("unknown", expired.kafka());
  }
}
