package org.ums.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.ums.support.Api;
import org.ums.support.MailInbox;

/**
 * Unknown emails and wrong passwords must cost the same: both spend exactly one password hash, so that the
 * answer's timing does not tell which emails have accounts.
 */
@SpringBootTest
@ActiveProfiles("test")
@ExtendWith(MailInbox.class)
class CredentialsTests {

  @MockitoSpyBean
  PasswordEncoder passwordEncoder;
  @Autowired
  Credentials credentials;

  @Test
  void unknownEmailSpendsOneHashLikeAWrongPassword() {
    clearInvocations(passwordEncoder);
    assertThatThrownBy(() -> credentials.authenticate("nobody-" + System.nanoTime() + "@example.com", "guess 1234"))
        .isInstanceOf(LoginRejectedException.class);
    verify(passwordEncoder, times(1)).matches(eq("guess 1234"), anyString());

    clearInvocations(passwordEncoder);
    assertThatThrownBy(() -> credentials.authenticate(Api.ADMIN_EMAIL, "guess 1234"))
        .isInstanceOf(LoginRejectedException.class);
    verify(passwordEncoder, times(1)).matches(eq("guess 1234"), anyString());
  }
}
