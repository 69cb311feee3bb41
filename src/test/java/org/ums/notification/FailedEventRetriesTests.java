package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

class FailedEventRetriesTests {

  private static final Instant PUBLISHED = Instant.parse("2026-11-22T10:00:00Z");

  private final NotificationProperties properties = new NotificationProperties(null, null,
      new NotificationProperties.Retry(4, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(15), null), null, null, false);
  private final FailedEventRetries retries = new FailedEventRetries(null, properties, Clock.systemUTC());

  @Test
  void failedPublicationIsDueOnlyOnceItsBackoffIsOver() {
    assertThat(retries.isDue(publication(1, null), PUBLISHED.plusSeconds(4))).isFalse();
    assertThat(retries.isDue(publication(1, null), PUBLISHED.plusSeconds(5))).isTrue();
    Instant resubmitted = PUBLISHED.plusSeconds(5);
    assertThat(retries.isDue(publication(2, resubmitted), resubmitted.plusSeconds(9))).isFalse();
    assertThat(retries.isDue(publication(2, resubmitted), resubmitted.plusSeconds(10))).isTrue();
    assertThat(retries.isDue(publication(5, resubmitted), resubmitted.plusSeconds(14))).isFalse();
    assertThat(retries.isDue(publication(5, resubmitted), resubmitted.plusSeconds(15))).isTrue();
  }

  @Test
  void publicationFailingFarMoreOftenThanEmailsAreTriedIsLeftForAnOperator() {
    assertThat(retries.isDue(publication(8, PUBLISHED), PUBLISHED.plusSeconds(3600))).isTrue();
    assertThat(retries.isDue(publication(9, PUBLISHED), PUBLISHED.plusSeconds(3600))).isFalse();
  }

  private static EventPublication publication(int attempts, Instant lastResubmission) {
    return new EventPublication() {
      @Override
      public UUID getIdentifier() {
        return UUID.randomUUID();
      }

      @Override
      public Object getEvent() {
        return "event";
      }

      @Override
      public Instant getPublicationDate() {
        return PUBLISHED;
      }

      @Override
      public Optional<Instant> getCompletionDate() {
        return Optional.empty();
      }

      @Override
      public Status getStatus() {
        return Status.FAILED;
      }

      @Override
      public Instant getLastResubmissionDate() {
        return lastResubmission;
      }

      @Override
      public int getCompletionAttempts() {
        return attempts;
      }
    };
  }
}
