package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTests {

  private static final Instant NOW = Instant.parse("2026-11-21T14:05:00Z");

  private static User newUser(Role role) {
    return User.register("a@example.com", "nick_name", "{argon2}hash", ProfileDetails.empty(), role, NOW);
  }

  @Test
  void registrationRecordsUserRegistered() {
    User user = newUser(Role.ANONYMOUS);
    assertThat(user.pendingEvents()).singleElement().isInstanceOf(UserRegistered.class);
    assertThat(user.isEmailVerified()).isFalse();
  }

  @Test
  void verifyingEmailPromotesAnonymousToAuthenticated() {
    User user = newUser(Role.ANONYMOUS);
    user.verifyEmail(NOW);
    assertThat(user.role()).isEqualTo(Role.AUTHENTICATED);
    assertThat(user.isEmailVerified()).isTrue();
    assertThat(user.pendingEvents()).hasAtLeastOneElementOfType(EmailVerified.class)
        .hasAtLeastOneElementOfType(RoleChanged.class);
  }

  @Test
  void verifyingEmailKeepsAHigherRole() {
    User user = newUser(Role.MANAGER);
    user.verifyEmail(NOW);
    assertThat(user.role()).isEqualTo(Role.MANAGER);
  }

  @Test
  void locksAccountForAMinuteAfterThreeFailuresAndLongerEachTimeInARow() {
    User user = newUser(Role.AUTHENTICATED);
    long tokens = user.tokenVersion();
    failLogin(user, 3, null, NOW, true);
    failLogin(user, 3, null, NOW, true);
    assertThat(user.isLockedAt(NOW)).isFalse();
    failLogin(user, 3, null, NOW, true);
    assertThat(user.isLockedAt(NOW)).isTrue();
    assertThat(user.isLockedAt(NOW.plus(Duration.ofSeconds(59)))).isTrue();
    assertThat(user.isLockedAt(NOW.plus(Duration.ofMinutes(1)))).isFalse();
    assertThat(user.tokenVersion()).isEqualTo(tokens);
    assertThat(user.pendingEvents()).filteredOn(UserLocked.class::isInstance).hasSize(1);

    Instant[] ends = new Instant[4];
    Instant at = NOW.plus(Duration.ofMinutes(1));
    for (int lockout = 0; lockout < 4; lockout++) {
      for (int i = 0; i < 3; i++) {
        failLogin(user, 3, null, at, true);
      }
      ends[lockout] = user.lockedUntil();
      at = user.lockedUntil();
    }
    assertThat(Duration.between(NOW.plus(Duration.ofMinutes(1)), ends[0])).isEqualTo(Duration.ofMinutes(5));
    assertThat(Duration.between(ends[0], ends[1])).isEqualTo(Duration.ofMinutes(15));
    assertThat(Duration.between(ends[1], ends[2])).isEqualTo(Duration.ofHours(1));
    assertThat(Duration.between(ends[2], ends[3])).isEqualTo(Duration.ofHours(1));
    assertThat(user.isLockedByAdministrator()).isFalse();
  }

  @Test
  void neverLocksWhenLockingIsNotAllowed() {
    User user = newUser(Role.ADMIN);
    for (int i = 0; i < 5; i++) {
      failLogin(user, 3, null, NOW, false);
    }
    assertThat(user.isLockedAt(NOW)).isFalse();
    assertThat(user.failedLoginAttempts()).isEqualTo(5);
  }

  @Test
  void timedLockEndsByItselfAndCountsAnew() {
    User user = newUser(Role.AUTHENTICATED);
    for (int i = 0; i < 3; i++) {
      failLogin(user, 3, Duration.ofMinutes(15), NOW, true);
    }
    assertThat(user.isLockedAt(NOW.plusSeconds(899))).isTrue();
    Instant later = NOW.plusSeconds(900);
    assertThat(user.isLockedAt(later)).isFalse();
    failLogin(user, 3, Duration.ofMinutes(15), later, true);
    assertThat(user.isLocked()).isFalse();
    assertThat(user.failedLoginAttempts()).isEqualTo(1);
  }

  @Test
  void attemptsCheckedAtTheSameTimeAreCountedBeforeTheirPasswordsAreKnown() {
    User user = newUser(Role.AUTHENTICATED);
    assertThat(user.reserveLoginAttempt(3, NOW, true)).isTrue();
    assertThat(user.reserveLoginAttempt(3, NOW, true)).isTrue();
    assertThat(user.reserveLoginAttempt(3, NOW, true)).isTrue();
    assertThat(user.reserveLoginAttempt(3, NOW, true)).isFalse();
    assertThat(user.failedLoginAttempts()).isEqualTo(3);
    user.failReservedLogin(new LockoutPolicy(3, null), NOW, true);
    assertThat(user.isLockedAt(NOW)).isTrue();
  }

  @Test
  void theLastAdministratorMayAlwaysTry() {
    User user = newUser(Role.ADMIN);
    for (int i = 0; i < 5; i++) {
      assertThat(user.reserveLoginAttempt(3, NOW, false)).isTrue();
    }
  }

  @Test
  void successfulLoginForgetsFailures() {
    User user = newUser(Role.AUTHENTICATED);
    failLogin(user, 3, null, NOW, true);
    failLogin(user, 3, null, NOW, true);
    user.recordSuccessfulLogin(NOW);
    assertThat(user.failedLoginAttempts()).isZero();
    assertThat(user.lastLoginAt()).isEqualTo(NOW);
  }

  @Test
  void emptyStringClearsAnOptionalFieldAndNullKeepsIt() {
    User user = User.register("a@example.com", "nick_name", "h",
        new ProfileDetails("Ada", "Lovelace", "bio", null, null, null), Role.ANONYMOUS, NOW);
    user.editProfile(new UserChanges(null, null, null, "", null, null, null, null, null), NOW);
    assertThat(user.firstName()).isEqualTo("Ada");
    assertThat(user.lastName()).isNull();
  }

  @Test
  void writesInEnglishAndUtcUntilTheUserChoosesAndSurvivesAZoneTheJvmDoesNotKnow() {
    User plain = User.register("b@example.com", "plain_name", "h", ProfileDetails.empty(), Role.ANONYMOUS, NOW);
    User chosen = User.register("c@example.com", "chosen_name", "h",
        new ProfileDetails(null, null, null, null, null, null, "ZH_cn", "Asia/Shanghai"), Role.ANONYMOUS, NOW);
    User stale = User.register("d@example.com", "stale_name", "h",
        new ProfileDetails(null, null, null, null, null, null, "fr", "Mars/Olympus_Mons"), Role.ANONYMOUS, NOW);

    assertThat(plain.language()).isEqualTo(java.util.Locale.ENGLISH);
    assertThat(plain.zone()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(chosen.preferredLanguage()).isEqualTo("zh-CN");
    assertThat(chosen.zone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
    assertThat(stale.zone()).isEqualTo(java.time.ZoneOffset.UTC);
  }

  private static void failLogin(User user, int maxAttempts, Duration lockoutDuration, Instant now, boolean mayLock) {
    user.reserveLoginAttempt(maxAttempts, now, mayLock);
    user.failReservedLogin(new LockoutPolicy(maxAttempts, lockoutDuration == null ? null
        : java.util.List.of(lockoutDuration)), now, mayLock);
  }
}
