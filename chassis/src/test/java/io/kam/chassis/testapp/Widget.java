package io.kam.chassis.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.UUID;

/** A throw-away resource of the test application that exercises the HTTP conventions. */
@Entity
public class Widget {
  @Id public UUID id;
  public String name;
  public Integer rating;
  public String color;
  @Version public long version;
}
