package org.ums.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secrets that links and logins carry (verification, password reset and invitation links, refresh tokens):
 * 256 random bits, URL-safe, and kept only as their SHA-256 hash, so a copy of the database opens nothing.
 */
public final class SecretTokens {

  private static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {
  }

  /** A new token, in clear: it exists only in the answer or email that carries it. */
  public static String next() {
    byte[] raw = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  /** What is stored and looked up in place of the token. */
  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
