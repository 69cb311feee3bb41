package org.ums.notification;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * The Kafka mode: account events that mean an email are externalised by Spring Modulith, from the same durable
 * event registry (an outbox: an event committed with its transaction reaches the broker even after a crash),
 * to one topic per event type, keyed by user id, as {@link AccountEventMessage} JSON. {@link KafkaNotifications}
 * consumes them.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaMode.class)
@EnableKafka
class KafkaNotificationsConfiguration {

  @Bean
  EventExternalizationConfiguration accountEventsToKafka() {
    return EventExternalizationConfiguration.externalizing()
        .select(AccountEventMessage::isPublished)
        .mapping(KafkaNotificationsConfiguration::published)
        .routeAll(event -> {
          AccountEventMessage message = published(event);
          return RoutingTarget.forTarget(message.type()).andKey(message.userId().toString());
        })
        .build();
  }

  /** Creates the event topics (retry and dead-letter topics are created by their listener). */
  @Bean
  KafkaAdmin.NewTopics accountEventTopics(NotificationProperties properties) {
    var kafka = properties.kafka();
    List<NewTopic> topics = AccountEventMessage.TYPES.stream()
        .map(type -> TopicBuilder.name(type).partitions(kafka.partitions()).replicas(kafka.replicationFactor())
            .build())
        .toList();
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  private static AccountEventMessage published(Object event) {
    return event instanceof AccountEventMessage message ? message : AccountEventMessage.of(event).orElseThrow();
  }
}
