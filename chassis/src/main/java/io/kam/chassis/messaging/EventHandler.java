package io.kam.chassis.messaging;

import java.util.Map;

/**
 * A service's reaction to the events of one topic. Runs inside the consumer's transaction, which
 * also records the event as processed. Throw {@link SubjectNotKnownYet} before changing anything
 * when the event is about an account this service has not heard of yet: it is parked and applied
 * when the account arrives. Throw {@link PermanentEventFailure} when the event breaks a rule: it is
 * dead-lettered at once.
 */
public interface EventHandler {

  String topic();

  /**
   * The types this handler consumes and whether each is a state or a fact. Each declared type must
   * have its producer's JSON Schema on the classpath ({@code events/<type>.schema.json}); events of
   * undeclared types are handed to {@link #apply} as states and not validated.
   */
  Map<String, EventKind> types();

  void apply(CloudEvent event);
}
