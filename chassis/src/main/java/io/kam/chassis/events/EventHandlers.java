package io.kam.chassis.events;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The service's event handlers by topic (one per topic). */
@Singleton
public class EventHandlers {

  private final Map<String, EventHandler> byTopic = new HashMap<>();

  public EventHandlers(Instance<EventHandler> handlers) {
    for (EventHandler h : handlers) {
      EventHandler previous = byTopic.put(h.topic(), h);
      if (previous != null) {
        throw new IllegalStateException("two handlers for topic " + h.topic());
      }
    }
  }

  public EventHandler forTopic(String topic) {
    EventHandler h = byTopic.get(topic);
    if (h == null) {
      throw new IllegalArgumentException("no handler for topic " + topic);
    }
    return h;
  }

  public Set<String> topics() {
    return byTopic.keySet();
  }
}
