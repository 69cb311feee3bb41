package org.ums.notification;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Kafka mode is on when {@code ums.notification.kafka.bootstrap-servers} names brokers. */
class KafkaMode implements Condition {

  static final String BOOTSTRAP_SERVERS = "ums.notification.kafka.bootstrap-servers";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return StringUtils.hasText(context.getEnvironment().getProperty(BOOTSTRAP_SERVERS));
  }

  /** The embedded default: no brokers named. */
  static class Off implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty(BOOTSTRAP_SERVERS));
    }
  }
}
