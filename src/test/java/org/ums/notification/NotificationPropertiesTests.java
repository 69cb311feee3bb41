package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotificationPropertiesTests {

  @Test
  void retryWaitsGrowByTheMultiplierUpToTheMaximum() {
    var retry = new NotificationProperties.Retry(8, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(30), null);
    assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofSeconds(30));
    assertThat(retry.delayAfter(40)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void unsetSettingsTakeTheirDefaultsAndImpossibleOnesAreRefused() {
    var defaults = new NotificationProperties(null, null, null, null, null, false);
    assertThat(defaults.retry().maxAttempts()).isEqualTo(8);
    assertThat(defaults.retry().maxDelay()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.kafka().enabled()).isFalse();
    assertThat(defaults.logRetention()).isEqualTo(Duration.ofDays(180));

    assertThatIllegalArgumentException().isThrownBy(() ->
        new NotificationProperties.Retry(0, null, null, null, null)).withMessageContaining("max-attempts");
    assertThatIllegalArgumentException().isThrownBy(() ->
        new NotificationProperties.Retry(null, Duration.ofSeconds(5), null, Duration.ofSeconds(1), null))
        .withMessageContaining("max-delay");
    assertThatIllegalArgumentException().isThrownBy(() ->
        new NotificationProperties.Kafka("kafka:9092", 0, null, null)).withMessageContaining("partitions");
  }
}
