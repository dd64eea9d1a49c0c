package io.kam.chassis.messaging;

/**
 * An event that can never be applied as it is (violates its schema, breaks a rule, jumps its
 * sequence suspiciously): dead-lettered at once, without retries. The message is the reason an
 * admin reads, so it names the field or rule, never SQL or a class.
 */
public class PermanentEventFailure extends RuntimeException {

  public PermanentEventFailure(String reason) {
    super(reason, null, false, false);
  }
}
