package org.ums.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PictureUrlsTests {

  @Test
  void initialsAreTheFirstLetterOfEachNameUpperCased() {
    assertThat(PictureUrls.initials("ada", "Lovelace", "nick")).isEqualTo("AL");
    assertThat(PictureUrls.initials(" 'émile", "zola", "nick")).isEqualTo("ÉZ");
  }

  @Test
  void withoutNamesTheNicknameGivesTheInitial() {
    assertThat(PictureUrls.initials(null, "  ", "_windy_bluebird_31")).isEqualTo("W");
    assertThat(PictureUrls.initials(null, null, "---")).isEqualTo("U");
  }

  @Test
  void eachInitialStaysOneLetterWhateverItsUpperCase() {
    // "ß".toUpperCase() is "SS", and "ǰ" becomes J and a combining mark: neither fits one letter.
    assertThat(PictureUrls.initials("ßabine", "Müller", null)).isEqualTo("ßM");
    assertThat(PictureUrls.initials("ǰohn", null, null).codePointCount(0, 1)).isEqualTo(1);
  }
}
