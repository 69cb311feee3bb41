package org.ums.picture.web;

/**
 * The picture of a user without one: their initials on a colour of their own, as SVG, so no font or image
 * library is needed and it is sharp at any size. The initials are checked to be one or two letters or digits,
 * so nothing else can reach the markup.
 */
final class InitialsPicture {

  private InitialsPicture() {
  }

  static boolean isValid(String initials) {
    if (initials == null || initials.isEmpty()) {
      return false;
    }
    int count = initials.codePointCount(0, initials.length());
    return count <= 2 && initials.codePoints().allMatch(Character::isLetterOrDigit);
  }

  static String svg(String initials, int side) {
    if (!isValid(initials)) {
      throw new IllegalArgumentException("Not initials: " + initials);
    }
    var text = new StringBuilder();
    initials.codePoints().map(Character::toUpperCase).forEach(text::appendCodePoint);
    int hue = Math.floorMod(text.toString().hashCode() * 47, 360);
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%1$d" viewBox="0 0 100 100">\
        <rect width="100" height="100" fill="hsl(%2$d, 45%%, 42%%)"/>\
        <text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" \
        font-size="40" fill="#ffffff">%3$s</text></svg>""".formatted(side, hue, text);
  }
}
