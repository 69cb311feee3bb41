package org.ums.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * NIST SP 800-63B memorized-secret rules: 8 to 128 characters, any characters but NUL, and not one of the commonly used
 * passwords of the bundled list. No composition rules, which the standard advises against.
 */
@Component
public class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private final Set<String> commonPasswords;

  PasswordPolicy() {
    this.commonPasswords = load("account/common-passwords.txt");
  }

  /** The key of the sentence saying what is wrong with {@code password}, or empty when it is acceptable. */
  public Optional<FieldViolation> check(String field, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of(new FieldViolation(field, "validation.required", "NotBlank"));
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of(new FieldViolation(field, "validation.password.length", "Size"));
    }
    if (password.indexOf('\0') >= 0) {
      return Optional.of(new FieldViolation(field, "validation.password.nul", "NoNul"));
    }
    if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
      return Optional.of(new FieldViolation(field, "validation.password.common", "CommonPassword"));
    }
    return Optional.empty();
  }

  /**
   * What is wrong with a password given to log in that no account can have: longer than {@link #MAX_LENGTH} or
   * with a NUL character. Such a guess is refused before any hash is spent on it, and is not counted.
   */
  public Optional<FieldViolation> checkAttempt(String field, String password) {
    if (password != null && password.length() > MAX_LENGTH
        && password.codePointCount(0, password.length()) > MAX_LENGTH) {
      return Optional.of(new FieldViolation(field, "validation.password.length", "Size"));
    }
    if (password != null && password.indexOf('\0') >= 0) {
      return Optional.of(new FieldViolation(field, "validation.password.nul", "NoNul"));
    }
    return Optional.empty();
  }

  private static Set<String> load(String path) {
    Set<String> words = new HashSet<>();
    try (var reader = new BufferedReader(
        new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
      reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.strip().toLowerCase(Locale.ROOT)).forEach(words::add);
    } catch (IOException e) {
      throw new UncheckedIOException("The common password list " + path + " is missing", e);
    }
    return Set.copyOf(words);
  }
}
