package org.ums.authentication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Replaces the signing key: for the console's {@code rotate-signing-key} and for operators who rotate on their
 * own schedule. Running servers sign with the new key within a minute; the keys it replaces stay in the JWKS
 * until every token they signed has expired.
 */
@Service
public class SigningKeyRotation {

  private final SigningKeys keys;

  SigningKeyRotation(SigningKeys keys) {
    this.keys = keys;
  }

  /** A new key and the replaced keys still accepted, each until {@code acceptedUntil}. */
  public record RotatedKey(String kid, String algorithm, List<RetiringKey> retiring) {
  }

  public record RetiringKey(String kid, Instant acceptedUntil) {
  }

  /** Adds a key that signs from now on; empty when the key is configured (UMS_JWT_PRIVATE_KEY) and cannot rotate. */
  public Optional<RotatedKey> rotate() {
    if (keys.isConfigured()) {
      return Optional.empty();
    }
    return Optional.of(keys.rotate());
  }
}
