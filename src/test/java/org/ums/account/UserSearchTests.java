package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserSearchTests {

  @Test
  void aCursorRoundTripsEvenWhenItsValueHoldsTheSeparator() {
    var cursor = new UserSearch.Cursor(UserSort.EMAIL, true, "odd|name@example.com", UUID.randomUUID());

    assertThat(UserSearch.Cursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void aCursorOfAUserWhoNeverLoggedInHasNoValue() {
    var cursor = new UserSearch.Cursor(UserSort.LAST_LOGIN_AT, false, null, UUID.randomUUID());

    assertThat(UserSearch.Cursor.decode(cursor.encode())).isEqualTo(cursor);
  }

  @Test
  void aForgedCursorIsRefused() {
    assertThatThrownBy(() -> UserSearch.parse(null, null, null, null, null, null, null, null, null, null, 0, 10,
        "bm90LWEtY3Vyc29y")).isInstanceOf(InvalidAccountDataException.class);
  }
}
