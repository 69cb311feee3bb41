package org.ums.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a user changes in their own profile, read from a JSON merge patch (RFC 7396): a field given replaces
 * the value, {@code null} clears it, a field left out stays as it is.
 *
 * @param texts the text fields given, a {@code null} value clearing the field
 * @param showEmail whether the public profile shows the email; {@code null} when not given
 */
public record ProfileEdit(Map<Field, String> texts, Boolean showEmail) {

  /** Fields that exist on a user but that nobody changes through their own profile. */
  private static final Set<String> NOT_EDITABLE = Set.of("id", "email", "role", "email_verified",
      "is_professional", "professional_status_updated_at", "is_locked", "profile_picture_url", "password",
      "hashed_password", "last_login_at", "created_at", "updated_at", "links");

  /** The text fields of a profile, by their JSON names. */
  public enum Field {
    NICKNAME, FIRST_NAME, LAST_NAME, BIO, LOCATION, LINKEDIN_PROFILE_URL, GITHUB_PROFILE_URL, PREFERRED_LANGUAGE,
    TIME_ZONE;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Field> of(String jsonName) {
      return Arrays.stream(values()).filter(field -> field.jsonName().equals(jsonName)).findFirst();
    }
  }

  public ProfileEdit {
    var copy = new EnumMap<Field, String>(Field.class);
    copy.putAll(texts);
    texts = Collections.unmodifiableMap(copy);
  }

  /** The JSON names of the fields given. */
  java.util.List<String> fieldNames() {
    var names = new ArrayList<String>();
    texts.keySet().forEach(field -> names.add(field.jsonName()));
    if (showEmail != null) {
      names.add("show_email");
    }
    return names;
  }

  boolean isEmpty() {
    return texts.isEmpty() && showEmail == null;
  }

  /**
   * Reads a merge patch whose values are JSON scalars (strings, booleans, numbers) or {@code null}.
   *
   * @throws InvalidAccountDataException naming every field that is unknown, not editable here, or of the wrong
   *     type, or when the patch is empty
   */
  public static ProfileEdit parse(Map<String, Object> patch) {
    if (patch == null || patch.isEmpty()) {
      throw new InvalidAccountDataException(new FieldViolation("body", "validation.empty-update", "NotEmpty"));
    }
    var violations = new ArrayList<FieldViolation>();
    var texts = new EnumMap<Field, String>(Field.class);
    Boolean showEmail = null;
    for (var entry : patch.entrySet()) {
      String name = entry.getKey();
      Object value = entry.getValue();
      Optional<Field> field = Field.of(name);
      if (field.isPresent()) {
        if (value == null || value instanceof String) {
          texts.put(field.get(), (String) value);
        } else {
          violations.add(new FieldViolation(name, "validation.type-mismatch", "TypeMismatch"));
        }
      } else if (name.equals("show_email")) {
        if (value instanceof Boolean flag) {
          showEmail = flag;
        } else {
          violations.add(new FieldViolation(name, "validation.type-mismatch", "TypeMismatch"));
        }
      } else if (NOT_EDITABLE.contains(name)) {
        violations.add(new FieldViolation(name, "validation.not-editable", "NotEditable"));
      } else {
        violations.add(new FieldViolation(name, "validation.unknown-field", "UnknownField"));
      }
    }
    failOn(violations);
    return new ProfileEdit(texts, showEmail);
  }

  private static void failOn(List<FieldViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
  }
}
