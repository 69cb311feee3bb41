package org.ums.account.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code profile_picture_url} as clients see it: always a URL a browser can load. A picture kept by this
 * service is stored as its path and shown absolute; a URL given at registration stays as given; a user with
 * neither gets their initials, drawn by the picture module at {@code /pictures/initials/{initials}}.
 */
final class PictureUrls {

  private static final String FALLBACK_INITIAL = "U";

  private PictureUrls() {
  }

  static String of(String stored, String firstName, String lastName, String nickname) {
    if (stored != null && !stored.startsWith("/")) {
      return stored;
    }
    var base = ServletUriComponentsBuilder.fromCurrentContextPath();
    if (stored != null) {
      return base.path(stored).toUriString();
    }
    return base.path("/pictures/initials/{initials}").buildAndExpand(initials(firstName, lastName, nickname))
        .encode().toUriString();
  }

  /**
   * The first letter or digit of each name, or of the nickname when there is no name, each upper-cased on its
   * own into one code point (so {@code ß} stays one letter), as {@code /pictures/initials/} accepts them.
   */
  static String initials(String firstName, String lastName, String nickname) {
    String initials = initial(firstName) + initial(lastName);
    if (initials.isEmpty()) {
      initials = initial(nickname);
    }
    return initials.isEmpty() ? FALLBACK_INITIAL : initials;
  }

  private static String initial(String text) {
    if (text == null) {
      return "";
    }
    return text.codePoints().filter(Character::isLetterOrDigit).map(Character::toUpperCase)
        .filter(Character::isLetterOrDigit).limit(1).mapToObj(Character::toString).findFirst().orElse("");
  }
}
