package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ums.support.Api.body;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ums.embeddeddatabase.TestDatabases;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

/** On an empty database of its own, with UMS_FIRST_USER_IS_ADMIN on and no bootstrap administrator. */
@HttpTest
class FirstUserIsAdminHttpTests {

  @Autowired
  Api api;

  @DynamicPropertySource
  static void emptyDatabase(DynamicPropertyRegistry registry) {
    TestDatabases.use("ums_first_user", registry);
    registry.add("ums.account.first-user-is-admin", () -> "true");
    registry.add("ums.account.bootstrap-admin-email", () -> "");
  }


  @Test
  void firstRegistrationBecomesAdminAndTheNextDoesNot() {
    var first = api.postJson("/register/", body("email", Emails.unique("first"), "password", "a long enough secret"));
    var second = api.postJson("/register/", body("email", Emails.unique("second"), "password", "a long enough secret"));
    assertThat(first.json().get("role").asString()).isEqualTo("ADMIN");
    assertThat(second.json().get("role").asString()).isEqualTo("ANONYMOUS");
  }
}
