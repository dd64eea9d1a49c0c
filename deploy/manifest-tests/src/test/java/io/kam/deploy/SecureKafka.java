package io.kam.deploy;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A real single-node KRaft broker in this JVM, secured as the Strimzi cluster is: clients log in
 * with SCRAM-SHA-512 and the standard authorizer allows only what an ACL grants. The broker's own
 * traffic (controller, inter-broker) and the test's admin use a second, plaintext listener on
 * localhost whose anonymous principal is the super user: the test needs one administrator to create
 * credentials, ACLs and topics, and the clients under test never reach that listener.
 */
final class SecureKafka implements AutoCloseable {

  static final String MECHANISM = "SCRAM-SHA-512";

  private final EmbeddedKafkaBroker broker;
  private final String clients;
  private final String internal;

  private SecureKafka(EmbeddedKafkaBroker broker, String clients, String internal) {
    this.broker = broker;
    this.clients = clients;
    this.internal = internal;
  }

  static SecureKafka start() {
    int clientPort = freePort();
    int internalPort = freePort();
    int controllerPort = freePort();
    String clients = "localhost:" + clientPort;
    String internal = "localhost:" + internalPort;
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker()
            .withNodeId(1)
            .withKafkaHost("localhost")
            .withKafkaPort(clientPort)
            .withControllerPort(controllerPort)
            .withAdditionalProperties(
                p -> {
                  p.put(
                      "listeners",
                      "CLIENTS://"
                          + clients
                          + ",INTERNAL://"
                          + internal
                          + ",CONTROLLER://localhost:"
                          + controllerPort);
                  p.put("advertised.listeners", "CLIENTS://" + clients + ",INTERNAL://" + internal);
                  p.put(
                      "listener.security.protocol.map",
                      "CLIENTS:SASL_PLAINTEXT,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
                  p.put("inter.broker.listener.name", "INTERNAL");
                  p.put("controller.listener.names", "CONTROLLER");
                  p.put("sasl.enabled.mechanisms", MECHANISM);
                  p.put(
                      "listener.name.clients.scram-sha-512.sasl.jaas.config",
                      "org.apache.kafka.common.security.scram.ScramLoginModule required;");
                  p.put(
                      "authorizer.class.name",
                      "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
                  p.put("allow.everyone.if.no.acl.found", "false");
                  p.put("super.users", "User:ANONYMOUS");
                  p.put("auto.create.topics.enable", "false");
                  p.put("offsets.topic.num.partitions", "1");
                  p.put("offsets.topic.replication.factor", "1");
                  p.put("transaction.state.log.num.partitions", "1");
                  p.put("group.initial.rebalance.delay.ms", "0");
                })
            .start();
    return new SecureKafka(broker, clients, internal);
  }

  /** The administrator (super user, plaintext listener). */
  Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internal);
    return Admin.create(p);
  }

  /** A user's SCRAM-SHA-512 credential, as Strimzi's User Operator creates it. */
  void createUser(Admin admin, String user, String password) throws Exception {
    admin
        .alterUserScramCredentials(
            List.of(
                new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
        .all()
        .get();
  }

  /** Client settings that log in as {@code user} on the SCRAM listener. */
  Properties login(String user, String password) {
    Properties p = new Properties();
    p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, clients);
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
    p.put(
        SaslConfigs.SASL_JAAS_CONFIG,
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    return p;
  }

  @Override
  public void close() {
    broker.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
