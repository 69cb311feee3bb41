package org.ums.support;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-JVM Kafka broker (KRaft) for every test that runs the Kafka mode, started on first use and stopped
 * with the JVM. Tests tell their topics apart by their own database and unique addresses, not by broker.
 */
public final class KafkaBroker {

  private static EmbeddedKafkaKraftBroker broker;

  private KafkaBroker() {
  }

  public static synchronized String bootstrapServers() {
    if (broker == null) {
      var started = new EmbeddedKafkaKraftBroker(1, 2);
      started.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "auto.create.topics.enable",
          "true"));
      started.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "kafka-broker-stop"));
      broker = started;
    }
    return broker.getBrokersAsString();
  }
}
