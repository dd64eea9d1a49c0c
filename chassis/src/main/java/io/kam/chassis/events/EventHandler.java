package io.kam.chassis.events;

/**
 * A service's reaction to the events of one topic. Runs inside the consumer's transaction, which
 * also records the event as processed. Throw {@link SubjectNotKnownYet} before changing anything
 * when the event is about an account this service has not heard of yet: it is parked and applied
 * when the account arrives.
 */
public interface EventHandler {

  String topic();

  void apply(CloudEvent event);
}
