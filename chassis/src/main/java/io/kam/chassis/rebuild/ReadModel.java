package io.kam.chassis.rebuild;

import java.util.List;

/**
 * A read model a service keeps from other services' events, declared by the service as a bean: its
 * name (the path segment of the admin operation), the topics that feed it with their producers (the
 * events' {@code source}), and the statements that empty it. A rebuild runs the statements, forgets
 * the consumer's positions and parked events of those producers, and replays the topics from their
 * beginning. Only tables derivable from the topics alone belong here: a service's own data, or rows
 * other data references, never.
 */
public interface ReadModel {

  /** A topic feeding the read model and the source of its events, e.g. "/account-service". */
  record Feed(String topic, String producer) {}

  String name();

  /** In replay order: the topic that makes subjects known first. */
  List<Feed> feeds();

  /** Run in one transaction before the replay, e.g. {@code truncate account}. */
  List<String> resetStatements();
}
