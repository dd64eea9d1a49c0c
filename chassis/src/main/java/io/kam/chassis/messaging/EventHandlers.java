package io.kam.chassis.messaging;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The service's event handlers by topic (one per topic). Each declared type must have its
 * producer's schema on the classpath: a service that would apply events unchecked does not start.
 */
@Singleton
public class EventHandlers {

  private final Map<String, EventHandler> byTopic = new HashMap<>();

  public EventHandlers(Instance<EventHandler> handlers) {
    for (EventHandler h : handlers) {
      EventHandler previous = byTopic.put(h.topic(), h);
      if (previous != null) {
        throw new IllegalStateException("two handlers for topic " + h.topic());
      }
      for (String type : h.types().keySet()) {
        if (!EventSchemas.known(type)) {
          throw new IllegalStateException(
              "no schema "
                  + EventSchemas.LOCATION
                  + type
                  + ".schema.json on the classpath"
                  + " for a type the handler of "
                  + h.topic()
                  + " consumes");
        }
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

  /** How the handler of {@code topic} treats {@code type}; undeclared types are states. */
  public EventKind kindOf(String topic, String type) {
    return forTopic(topic).types().getOrDefault(type, EventKind.STATE);
  }

  public Set<String> topics() {
    return byTopic.keySet();
  }
}
