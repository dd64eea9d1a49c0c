package io.kam.chassis.messaging;

/** The event is about an account this service does not know yet: park it, do not fail it. */
public class SubjectNotKnownYet extends RuntimeException {

  public SubjectNotKnownYet(String subject) {
    super("subject " + subject + " is not known yet", null, false, false);
  }
}
