package org.ums.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.ums.localization.Languages;
import org.springframework.stereotype.Component;

/**
 * The rules every account field obeys, whoever submits it (the API, the console or a start-up setting). All
 * broken rules are reported together so that a form can show them at once.
 */
@Component
class AccountValidation {

  static final Pattern NICKNAME = Pattern.compile("^[\\w-]{3,50}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final int MAX_EMAIL = 254;
  private static final int MAX_NAME = 100;
  private static final int MAX_BIO = 500;
  private static final int MAX_URL = 2048;

  private final PasswordPolicy passwordPolicy;

  AccountValidation(PasswordPolicy passwordPolicy) {
    this.passwordPolicy = passwordPolicy;
  }

  /** Checks a new account and returns its email in the form it is stored. */
  String checkNewAccount(NewAccount account) {
    var violations = new ArrayList<FieldViolation>();
    checkEmail(account.email(), violations);
    passwordPolicy.check("password", account.password()).ifPresent(violations::add);
    if (account.nickname() != null) {
      checkNickname(account.nickname(), violations);
    }
    ProfileDetails profile = account.profile();
    checkProfile(profile.firstName(), profile.lastName(), profile.bio(), profile.profilePictureUrl(),
        profile.linkedinProfileUrl(), profile.githubProfileUrl(), violations);
    checkLanguage(profile.preferredLanguage(), violations);
    checkTimeZone(profile.timeZone(), violations);
    failOn(violations);
    return normalizeEmail(account.email());
  }

  void checkChanges(UserChanges changes) {
    if (changes.isEmpty()) {
      throw new InvalidAccountDataException(new FieldViolation("body", "validation.empty-update", "NotEmpty"));
    }
    var violations = new ArrayList<FieldViolation>();
    if (changes.email() != null) {
      checkEmail(changes.email(), violations);
    }
    if (changes.nickname() != null) {
      checkNickname(changes.nickname(), violations);
    }
    checkProfile(changes.firstName(), changes.lastName(), changes.bio(), changes.profilePictureUrl(),
        changes.linkedinProfileUrl(), changes.githubProfileUrl(), violations);
    failOn(violations);
  }

  /** The rules an import row breaks: those of registration, without a password, plus location and language. */
  List<FieldViolation> checkImport(UserImport.Row row) {
    var violations = new ArrayList<FieldViolation>();
    checkEmail(row.email(), violations);
    if (row.nickname() != null) {
      checkNickname(row.nickname(), violations);
    }
    checkProfile(row.firstName(), row.lastName(), row.bio(), null, row.linkedinProfileUrl(),
        row.githubProfileUrl(), violations);
    checkLine("location", row.location(), MAX_NAME, violations);
    checkLanguage(row.preferredLanguage(), violations);
    checkTimeZone(row.timeZone(), violations);
    return violations;
  }

  /** Checks a user's edit of their own profile: the nickname may change but not be cleared. */
  void checkProfileEdit(ProfileEdit edit) {
    var violations = new ArrayList<FieldViolation>();
    var texts = edit.texts();
    if (texts.containsKey(ProfileEdit.Field.NICKNAME)) {
      String nickname = texts.get(ProfileEdit.Field.NICKNAME);
      if (nickname == null) {
        violations.add(new FieldViolation("nickname", "validation.required", "NotNull"));
      } else {
        checkNickname(nickname, violations);
      }
    }
    checkProfile(texts.get(ProfileEdit.Field.FIRST_NAME), texts.get(ProfileEdit.Field.LAST_NAME),
        texts.get(ProfileEdit.Field.BIO), null, texts.get(ProfileEdit.Field.LINKEDIN_PROFILE_URL),
        texts.get(ProfileEdit.Field.GITHUB_PROFILE_URL), violations);
    checkLine("location", texts.get(ProfileEdit.Field.LOCATION), MAX_NAME, violations);
    checkLanguage(texts.get(ProfileEdit.Field.PREFERRED_LANGUAGE), violations);
    checkTimeZone(texts.get(ProfileEdit.Field.TIME_ZONE), violations);
    failOn(violations);
  }

  /** A reason given to a user for a decision: at most 500 characters, line breaks allowed. */
  static void checkReason(String reason, boolean required, List<FieldViolation> violations) {
    if (required && (reason == null || reason.isBlank())) {
      violations.add(new FieldViolation("reason", "validation.required", "NotBlank"));
    } else if (reason != null && reason.length() > MAX_BIO) {
      violations.add(new FieldViolation("reason", "validation.too-long.500", "Size"));
    } else if (reason != null && hasControlCharacters(reason.replaceAll("[\\r\\n\\t]", ""))) {
      violations.add(new FieldViolation("reason", "validation.control-characters", "ControlCharacters"));
    }
  }

  /** One of {@link Languages#SUPPORTED}, by tag; blank clears it. */
  private static void checkLanguage(String tag, List<FieldViolation> violations) {
    if (tag != null && !tag.isBlank() && Languages.byTag(tag).isEmpty()) {
      violations.add(new FieldViolation("preferred_language", "validation.language", "Language",
          List.of(Languages.tags())));
    }
  }

  /** An IANA region id such as Europe/Paris (or UTC); offsets such as +02:00 follow no daylight-saving rules. */
  private static void checkTimeZone(String zone, List<FieldViolation> violations) {
    if (zone != null && !zone.isBlank() && !ZoneId.getAvailableZoneIds().contains(zone.strip())) {
      violations.add(new FieldViolation("time_zone", "validation.time-zone", "TimeZone"));
    }
  }

  void checkEmail(String email, List<FieldViolation> violations) {
    checkEmail("email", email, violations);
  }

  /** The email rules, for an email given under the name {@code field}. */
  void checkEmail(String field, String email, List<FieldViolation> violations) {
    if (email == null || email.isBlank()) {
      violations.add(new FieldViolation(field, "validation.required", "NotBlank"));
    } else if (email.strip().length() > MAX_EMAIL || !EMAIL.matcher(email.strip()).matches()
        || hasControlCharacters(email)) {
      violations.add(new FieldViolation(field, "validation.email", "Email"));
    }
  }

  static String normalizeEmail(String email) {
    return email.strip();
  }

  private static void checkNickname(String nickname, List<FieldViolation> violations) {
    if (!NICKNAME.matcher(nickname).matches()) {
      violations.add(new FieldViolation("nickname", "validation.nickname", "Pattern"));
    }
  }

  private static void checkProfile(String firstName, String lastName, String bio, String pictureUrl,
      String linkedinUrl, String githubUrl, List<FieldViolation> violations) {
    checkLine("first_name", firstName, MAX_NAME, violations);
    checkLine("last_name", lastName, MAX_NAME, violations);
    checkText("bio", bio, MAX_BIO, violations);
    checkUrl("profile_picture_url", pictureUrl, violations);
    checkUrl("linkedin_profile_url", linkedinUrl, violations);
    checkUrl("github_profile_url", githubUrl, violations);
  }

  /**
   * A field shown on one line (a name, a place): no control character and no line or paragraph separator, so that
   * it cannot start a new line in an email, a page or a CSV cell.
   */
  private static void checkLine(String field, String value, int max, List<FieldViolation> violations) {
    if (value != null && value.length() > max) {
      violations.add(new FieldViolation(field, "validation.too-long." + max, "Size"));
    } else if (value != null && value.chars().anyMatch(AccountValidation::breaksLine)) {
      violations.add(new FieldViolation(field, "validation.control-characters", "ControlCharacters"));
    }
  }

  /** A text of several lines (a bio): line breaks and tabs, and no other control character. */
  private static void checkText(String field, String value, int max, List<FieldViolation> violations) {
    if (value != null && value.length() > max) {
      violations.add(new FieldViolation(field, "validation.too-long." + max, "Size"));
    } else if (value != null && value.chars().anyMatch(c -> isControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      violations.add(new FieldViolation(field, "validation.control-characters", "ControlCharacters"));
    }
  }

  /** Control characters (C0, DEL, C1 such as NEL) and Unicode's line and paragraph separators. */
  static boolean breaksLine(int c) {
    return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
  }

  /** PostgreSQL text cannot hold NUL, and no name or address needs control characters. */
  static boolean hasControlCharacters(String value) {
    return value.chars().anyMatch(AccountValidation::isControl);
  }

  private static boolean isControl(int c) {
    return c < 0x20 || c == 0x7f;
  }

  /** Only absolute http(s) URLs with a host: {@code javascript:} and the like never reach a page. */
  private static void checkUrl(String field, String value, List<FieldViolation> violations) {
    if (value == null || value.isBlank()) {
      return;
    }
    if (value.length() > MAX_URL || !isWebUrl(value)) {
      violations.add(new FieldViolation(field, "validation.url", "URL"));
    }
  }

  static boolean isWebUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void failOn(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
  }
}
