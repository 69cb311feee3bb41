package org.ums.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class NicknameGeneratorTests {

  private final NicknameGenerator generator = new NicknameGenerator();

  @Test
  void generatesValidNicknamesLikeCleverPanda417() {
    for (int i = 0; i < 1000; i++) {
      assertThat(generator.next()).matches("[a-z]+_[a-z]+_\\d{1,3}").matches(AccountValidation.NICKNAME);
    }
  }

  @Test
  void hasRoomForOverHundredMillionNicknamesSoCollisionsAreRare() {
    assertThat(generator.combinations()).isGreaterThan(100_000_000L);
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(generator.next());
    }
    assertThat(seen.size()).isGreaterThan(9_990);
  }
}
