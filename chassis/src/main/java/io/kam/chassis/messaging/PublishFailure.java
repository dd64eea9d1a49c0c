package io.kam.chassis.messaging;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Why Kafka did not take an outbox row. Only failures known to belong to the row itself count as
 * rejections (retried a bounded number of times, then quarantined); everything else (timeouts, lost
 * connections, authorisation, unknown errors) is broker trouble: the row stays and the relay backs
 * off, so an outage or a misconfiguration never quarantines healthy events. The reason is written
 * for admins: no class names, no SQL.
 */
record PublishFailure(boolean rejected, String reason) {

  static PublishFailure of(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof ExecutionException || e instanceof CompletionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof RecordTooLargeException || e instanceof RecordBatchTooLargeException) {
      return new PublishFailure(
          true,
          "the event is larger than Kafka accepts (the producer's max.request.size or the topic's max.message.bytes)");
    }
    if (e instanceof SerializationException) {
      return new PublishFailure(true, "the event could not be serialised for Kafka");
    }
    if (e instanceof InvalidTopicException) {
      return new PublishFailure(true, "the event's topic name is not valid in Kafka");
    }
    if (e instanceof InvalidRecordException) {
      return new PublishFailure(true, "Kafka refused the event as an invalid record");
    }
    return new PublishFailure(false, "Kafka did not acknowledge the event");
  }

  static PublishFailure noAcknowledgementInTime() {
    return new PublishFailure(false, "Kafka did not acknowledge the event in time");
  }
}
