package org.ums.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Makes nicknames like {@code clever_panda_417} from word lists large enough (over 100 million combinations)
 * that a collision is rare; the caller retries on one.
 */
@Component
class NicknameGenerator {

  private final List<String> adjectives;
  private final List<String> nouns;
  private final RandomGenerator random;

  NicknameGenerator() {
    this(load("account/nickname-adjectives.txt"), load("account/nickname-nouns.txt"), new SecureRandom());
  }

  NicknameGenerator(List<String> adjectives, List<String> nouns, RandomGenerator random) {
    this.adjectives = List.copyOf(adjectives);
    this.nouns = List.copyOf(nouns);
    this.random = random;
  }

  String next() {
    return adjectives.get(random.nextInt(adjectives.size())) + "_" + nouns.get(random.nextInt(nouns.size()))
        + "_" + random.nextInt(1000);
  }

  long combinations() {
    return (long) adjectives.size() * nouns.size() * 1000;
  }

  private static List<String> load(String path) {
    try (var reader = new BufferedReader(
        new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("The nickname word list " + path + " is missing", e);
    }
  }
}
