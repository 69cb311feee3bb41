package org.ums.authentication;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RS256 key that signs access tokens and the public keys that verify them. A configured key wins; otherwise
 * the newest key in the database is used, and the first instance to start generates one under a lock. Loaded
 * on first use, after the migrations have run.
 */
@Component
@ConditionalOnWebApplication
class SigningKeys implements ApplicationRunner {

  static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;
  private static final long KEYS_LOCK = 0x756d735f6b6579L;

  private final AuthenticationProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private volatile Loaded loaded;

  SigningKeys(AuthenticationProperties properties, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** Loads the keys once the migrations have run, so that a bad configured key stops the start-up. */
  @Override
  public void run(ApplicationArguments args) {
    load();
  }

  /** The private key that signs new tokens. */
  RSAKey signingKey() {
    return load().signing();
  }

  /** Every public key whose tokens are accepted, as served at {@code /.well-known/jwks.json}. */
  JWKSet publicKeys() {
    return load().publicKeys();
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
      var publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      RSAKey key = jwk(publicKey, privateKey, null);
      return new Loaded(key, new JWKSet(key.toPublicJWK()));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException("UMS_JWT_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM", e);
    }
  }

  private Loaded fromDatabase() {
    return transaction.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEYS_LOCK).query().singleValue();
      List<RSAKey> keys = stored();
      if (keys.isEmpty()) {
        keys = List.of(generateAndStore());
      }
      var publicKeys = new ArrayList<com.nimbusds.jose.jwk.JWK>();
      keys.forEach(key -> publicKeys.add(key.toPublicJWK()));
      return new Loaded(keys.get(0), new JWKSet(publicKeys));
    });
  }

  private List<RSAKey> stored() {
    return jdbc.sql("select kid, public_key, private_key from signing_keys order by created_at desc")
        .query((rs, row) -> {
          try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            var publicKey = (RSAPublicKey) factory.generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString("public_key"))));
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString("private_key"))));
            return jwk(publicKey, privateKey, rs.getString("kid"));
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
          }
        }).list();
  }

  private RSAKey generateAndStore() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key = jwk((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate(), null);
      jdbc.sql("""
          insert into signing_keys (kid, algorithm, public_key, private_key, created_at)
          values (:kid, :algorithm, :publicKey, :privateKey, :createdAt)""")
          .param("kid", key.getKeyID())
          .param("algorithm", ALGORITHM.getName())
          .param("publicKey", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()))
          .param("privateKey", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
          .param("createdAt", Timestamp.from(clock.instant()))
          .update();
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Java has no RSA key generator", e);
    }
  }

  private static RSAKey jwk(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey, String kid) {
    try {
      RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
          .algorithm(ALGORITHM).build();
      String keyId = kid != null ? kid : withoutId.computeThumbprint().toString();
      return new RSAKey.Builder(withoutId).keyID(keyId).build();
    } catch (JOSEException e) {
      throw new IllegalStateException("The key thumbprint cannot be computed", e);
    }
  }

  private static byte[] pemBody(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private record Loaded(RSAKey signing, JWKSet publicKeys) {
  }
}
