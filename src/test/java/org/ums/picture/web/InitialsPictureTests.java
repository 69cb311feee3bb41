package org.ums.picture.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InitialsPictureTests {

  @Test
  void acceptsOneOrTwoLettersOrDigitsInAnyScript() {
    assertThat(InitialsPicture.isValid("AL")).isTrue();
    assertThat(InitialsPicture.isValid("ßM")).isTrue();
    assertThat(InitialsPicture.isValid("Ǆ")).isTrue();
    assertThat(InitialsPicture.isValid("7")).isTrue();
  }

  @Test
  void refusesAnythingThatCouldBeMarkup() {
    assertThat(InitialsPicture.isValid("<s")).isFalse();
    assertThat(InitialsPicture.isValid("A&")).isFalse();
    assertThat(InitialsPicture.isValid("ABC")).isFalse();
    assertThat(InitialsPicture.isValid("")).isFalse();
    assertThat(InitialsPicture.isValid("\"")).isFalse();
  }

  @Test
  void drawsTheInitialsAtTheAskedSize() {
    assertThat(InitialsPicture.svg("al", 128)).contains("width=\"128\"", ">AL</text>");
  }
}
