package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ums.account.Role;
import org.ums.account.RoleChanged;
import org.ums.account.UserId;
import org.ums.account.UserLocked;

/** What other subscribers read on the topics (docs/events.md), and the emails the messages mean. */
class AccountEventMessageTests {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aRoleChangeCarriesItsReasonToTheTopicAndTheEmail() {
    var event = new RoleChanged(UserId.of(UUID.randomUUID()), Role.AUTHENTICATED, Role.MANAGER,
        UserId.of(UUID.randomUUID()), "Leads the team", NOW);

    AccountEventMessage message = AccountEventMessage.of(event).orElseThrow();

    assertThat(message.data()).containsEntry("reason", "Leads the team").containsEntry("new_role", "MANAGER");
    assertThat(message.notification().orElseThrow().facts()).containsEntry("reason", "Leads the team");
  }

  @Test
  void aRoleChangeWithoutReasonHasNoReasonField() {
    var event = new RoleChanged(UserId.of(UUID.randomUUID()), Role.ANONYMOUS, Role.AUTHENTICATED, null, null, NOW);

    assertThat(AccountEventMessage.of(event).orElseThrow().data()).doesNotContainKey("reason");
  }

  @Test
  void aLockCarriesWhenItHappenedToTheEmail() {
    var message = AccountEventMessage.of(new UserLocked(UserId.of(UUID.randomUUID()), NOW, null, 0)).orElseThrow();

    assertThat(message.notification().orElseThrow().facts()).containsEntry("occurred_at", NOW.toString());
  }
}
