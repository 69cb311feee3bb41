package org.ums.authentication;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The key that signs access tokens and the public keys that verify them. A configured key wins; otherwise the
 * newest key in the database signs, and the first instance to start generates one under a lock. Rotating adds a
 * key (of {@link AuthenticationProperties#algorithm()}, or of the replaced key's algorithm) that signs from then on; the keys it replaced stay published
 * until every token they signed has expired, and are deleted at a later rotation. Instances read the keys again
 * every minute ({@link SigningKeySchedule}), and at once when a token names a key they do not know.
 */
@Component
class SigningKeys {

  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
  private static final long KEYS_LOCK = 0x756d735f6b6579L;
  /** Clocks of instances and clients differ a little; a replaced key is published this much longer. */
  private static final Duration SKEW = Duration.ofMinutes(1);
  private static final Duration UNKNOWN_KEY_RELOAD_INTERVAL = Duration.ofSeconds(5);

  private final AuthenticationProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private volatile Loaded loaded;
  private volatile Instant lastLookForUnknownKey = Instant.EPOCH;

  SigningKeys(AuthenticationProperties properties, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The private key that signs new tokens, with its {@code kid} and {@code alg}. */
  JWK signingKey() {
    return load().signing().key();
  }

  /** The key that signs new tokens, with a signer made for it once. */
  Signing signing() {
    return load().signing();
  }

  record Signing(JWK key, com.nimbusds.jose.JWSSigner signer) {
  }

  /** Every public key whose tokens are accepted, as served at {@code /.well-known/jwks.json}. */
  JWKSet publicKeys() {
    return load().publicKeys();
  }

  /**
   * The public keys, read again first when {@code kid} is not among them (another instance may have rotated), at
   * most every few seconds so that made-up key ids cost no database work.
   */
  JWKSet publicKeysIncluding(String kid) {
    Loaded current = load();
    Instant now = clock.instant();
    if (kid == null || current.publicKeys().getKeyByKeyId(kid) != null || properties.hasConfiguredKey()
        || lastLookForUnknownKey.plus(UNKNOWN_KEY_RELOAD_INTERVAL).isAfter(now)) {
      return current.publicKeys();
    }
    lastLookForUnknownKey = now;
    return reload().publicKeys();
  }

  /** Reads the stored keys again (another instance may have rotated them). */
  synchronized Loaded reload() {
    if (properties.hasConfiguredKey()) {
      return load();
    }
    loaded = fromDatabase();
    return loaded;
  }

  boolean isConfigured() {
    return properties.hasConfiguredKey();
  }

  /** When the newest stored key was made; empty with a configured key or none yet. */
  Optional<Instant> newestKeyCreatedAt() {
    return jdbc.sql("select max(created_at) from signing_keys").query(Timestamp.class).optional()
        .map(Timestamp::toInstant);
  }

  /**
   * Adds a key that signs from now on, and deletes the keys no token they signed can still be valid for.
   *
   * @return the new key and the replaced keys that stay published, with when each stops being accepted
   * @throws IllegalStateException when the key is configured ({@code UMS_JWT_PRIVATE_KEY}): replace it there
   */
  SigningKeyRotation.RotatedKey rotate() {
    if (properties.hasConfiguredKey()) {
      throw new IllegalStateException("The signing key is configured");
    }
    var rotation = transaction.execute(status -> {
      lockKeys();
      Instant now = clock.instant();
      var before = stored();
      JWK created = generateAndStore(now, before.isEmpty() ? null : before.get(0).key().getAlgorithm().getName());
      var stored = stored();
      var retiring = new ArrayList<SigningKeyRotation.RetiringKey>();
      for (int i = 1; i < stored.size(); i++) {
        Instant until = stored.get(i - 1).createdAt().plus(properties.accessTokenLifetime()).plus(SKEW);
        if (until.isAfter(now)) {
          retiring.add(new SigningKeyRotation.RetiringKey(stored.get(i).key().getKeyID(), until));
        } else {
          jdbc.sql("delete from signing_keys where kid = :kid").param("kid", stored.get(i).key().getKeyID()).update();
        }
      }
      return new SigningKeyRotation.RotatedKey(created.getKeyID(), created.getAlgorithm().getName(),
          List.copyOf(retiring));
    });
    reload();
    return rotation;
  }

  /** Rotates when the newest key is at least {@code age} old, checked under the keys' lock (one instance does). */
  Optional<SigningKeyRotation.RotatedKey> rotateIfOlderThan(Duration age) {
    Boolean due = transaction.execute(status -> {
      lockKeys();
      return newestKeyCreatedAt().filter(created -> !created.plus(age).isAfter(clock.instant())).isPresent();
    });
    return Boolean.TRUE.equals(due) ? Optional.of(rotate()) : Optional.empty();
  }

  private Loaded load() {
    Loaded current = loaded;
    if (current == null) {
      synchronized (this) {
        current = loaded;
        if (current == null) {
          current = properties.hasConfiguredKey() ? fromConfiguration() : fromDatabase();
          loaded = current;
        }
      }
    }
    return current;
  }

  private Loaded fromConfiguration() {
    try {
      var privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pemBody(properties.privateKey())));
      PublicKey publicKey = KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      JWK key = jwk(publicKey, privateKey, null);
      return new Loaded(key, new JWKSet(key.toPublicJWK()));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("UMS_JWT_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM", e);
    }
  }

  private Loaded fromDatabase() {
    return transaction.execute(status -> {
      var keys = stored();
      if (keys.isEmpty()) {
        lockKeys();
        keys = stored();
        if (keys.isEmpty()) {
          generateAndStore(clock.instant(), null);
          keys = stored();
        }
      }
      Instant now = clock.instant();
      var publicKeys = new ArrayList<JWK>();
      publicKeys.add(keys.get(0).key().toPublicJWK());
      for (int i = 1; i < keys.size(); i++) {
        if (keys.get(i - 1).createdAt().plus(properties.accessTokenLifetime()).plus(SKEW).isAfter(now)) {
          publicKeys.add(keys.get(i).key().toPublicJWK());
        }
      }
      return new Loaded(keys.get(0).key(), new JWKSet(publicKeys));
    });
  }

  private void lockKeys() {
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEYS_LOCK).query().singleValue();
  }

  private List<StoredKey> stored() {
    return jdbc.sql("select kid, algorithm, public_key, private_key, created_at from signing_keys "
            + "order by created_at desc, kid")
        .query((rs, row) -> {
          try {
            String type = JWSAlgorithm.ES256.getName().equals(rs.getString("algorithm")) ? "EC" : "RSA";
            KeyFactory factory = KeyFactory.getInstance(type);
            PublicKey publicKey = factory.generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString("public_key"))));
            PrivateKey privateKey = factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString("private_key"))));
            return new StoredKey(jwk(publicKey, privateKey, rs.getString("kid")),
                rs.getTimestamp("created_at").toInstant());
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
          }
        }).list();
  }

  /**
   * A new key of the configured algorithm; without one, of the algorithm of the key it replaces (verifiers that
   * expect it keep working), or ES256 for the first key: about twice as fast to sign as RS256 on Java 17, and six
   * times on Java 25 (bench/refresh.sh).
   */
  private JWK generateAndStore(Instant now, String replacedAlgorithm) {
    String chosen = properties.algorithm() != null ? properties.algorithm()
        : replacedAlgorithm != null ? replacedAlgorithm : JWSAlgorithm.ES256.getName();
    try {
      JWSAlgorithm algorithm = JWSAlgorithm.parse(chosen);
      KeyPairGenerator generator;
      if (JWSAlgorithm.ES256.equals(algorithm)) {
        generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
      } else {
        generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
      }
      KeyPair pair = generator.generateKeyPair();
      JWK key = jwk(pair.getPublic(), pair.getPrivate(), null);
      jdbc.sql("""
          insert into signing_keys (kid, algorithm, public_key, private_key, created_at)
          values (:kid, :algorithm, :publicKey, :privateKey, :createdAt)""")
          .param("kid", key.getKeyID())
          .param("algorithm", key.getAlgorithm().getName())
          .param("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
          .param("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
          .param("createdAt", Timestamp.from(now))
          .update();
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java has no generator for " + chosen + " keys", e);
    }
  }

  private static JWK jwk(PublicKey publicKey, PrivateKey privateKey, String kid) {
    try {
      JWK withoutId;
      if (publicKey instanceof RSAPublicKey rsa) {
        withoutId = new RSAKey.Builder(rsa).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256).build();
      } else {
        withoutId = new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).privateKey(privateKey)
            .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).build();
      }
      String keyId = kid != null ? kid : withoutId.computeThumbprint().toString();
      return withoutId instanceof RSAKey rsaKey ? new RSAKey.Builder(rsaKey).keyID(keyId).build()
          : new ECKey.Builder((ECKey) withoutId).keyID(keyId).build();
    } catch (JOSEException e) {
      throw new IllegalStateException("The key thumbprint cannot be computed", e);
    }
  }

  private static byte[] pemBody(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private record StoredKey(JWK key, Instant createdAt) {
  }

  /** The keys as last read: the one that signs, with its signer, and the published ones. */
  record Loaded(Signing signing, JWKSet publicKeys) {

    Loaded(JWK signing, JWKSet publicKeys) {
      this(new Signing(signing, FastSignatures.signer(signing)), publicKeys);
    }
  }
}
