package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountRulesTests {

  @Test
  void managerManagesOnlyUsersBelowManager() {
    assertThat(AccountRules.mayManage(Role.MANAGER, Role.ANONYMOUS)).isTrue();
    assertThat(AccountRules.mayManage(Role.MANAGER, Role.AUTHENTICATED)).isTrue();
    assertThat(AccountRules.mayManage(Role.MANAGER, Role.MANAGER)).isFalse();
    assertThat(AccountRules.mayManage(Role.MANAGER, Role.ADMIN)).isFalse();
  }

  @Test
  void managerGrantsNothingAboveAuthenticated() {
    assertThat(AccountRules.mayGrant(Role.MANAGER, Role.AUTHENTICATED)).isTrue();
    assertThat(AccountRules.mayGrant(Role.MANAGER, Role.MANAGER)).isFalse();
    assertThat(AccountRules.mayGrant(Role.MANAGER, Role.ADMIN)).isFalse();
  }

  @Test
  void adminManagesAndGrantsEverything() {
    for (Role role : Role.values()) {
      assertThat(AccountRules.mayManage(Role.ADMIN, role)).isTrue();
      assertThat(AccountRules.mayGrant(Role.ADMIN, role)).isTrue();
    }
  }

  @Test
  void authenticatedAndAnonymousAdministerNobody() {
    assertThat(AccountRules.mayAdminister(Role.AUTHENTICATED)).isFalse();
    assertThat(AccountRules.mayAdminister(Role.ANONYMOUS)).isFalse();
    assertThat(AccountRules.permissions(new Actor(UserId.random(), Role.AUTHENTICATED), Role.ANONYMOUS))
        .isEqualTo(new Permissions(false, false, false));
  }
}
