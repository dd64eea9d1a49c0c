package io.kam.chassis.testapp;

import java.util.UUID;

public record WidgetView(UUID id, String name, Integer rating, String color, long version) {
  static WidgetView of(Widget w) {
    return new WidgetView(w.id, w.name, w.rating, w.color, w.version);
  }
}
