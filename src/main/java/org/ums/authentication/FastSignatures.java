package org.ums.authentication;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import java.security.Key;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Signers and verifiers on the JCA provider that is fastest for them here (measured by {@code SigningCost}):
 * ES256 verification with Bouncy Castle (about 5,000/s on one thread against 1,000 with Java 17's SunEC and 2,200
 * with Java 25's), ES256 signing with Bouncy Castle before Java 25 (4,000/s against 2,000) and with SunEC from
 * Java 25 on (7,000/s against 4,100). RSA stays with the JDK, whose big-integer intrinsics are faster. Bouncy
 * Castle is already here for Argon2id; it is used as an instance, not registered for the whole JVM.
 */
final class FastSignatures {

  private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
  private static final int SUN_EC_SIGNS_FASTER_FROM = 25;

  private FastSignatures() {
  }

  /** A signer for the key's algorithm, made once per key. */
  static JWSSigner signer(JWK key) {
    try {
      if (key instanceof ECKey ec) {
        var signer = new ECDSASigner(ec);
        if (Runtime.version().feature() < SUN_EC_SIGNS_FASTER_FROM) {
          signer.getJCAContext().setProvider(BOUNCY_CASTLE);
        }
        return signer;
      }
      return new RSASSASigner((RSAKey) key);
    } catch (JOSEException e) {
      throw new IllegalStateException("No signer for key " + key.getKeyID(), e);
    }
  }

  /** Nimbus's verifiers, with ES256 ones on Bouncy Castle. */
  static JWSVerifierFactory verifiers() {
    var defaults = new DefaultJWSVerifierFactory();
    return new JWSVerifierFactory() {
      @Override
      public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        if (key instanceof ECPublicKey ec) {
          var verifier = new ECDSAVerifier(ec);
          verifier.getJCAContext().setProvider(BOUNCY_CASTLE);
          return verifier;
        }
        return defaults.createJWSVerifier(header, key);
      }

      @Override
      public Set<com.nimbusds.jose.JWSAlgorithm> supportedJWSAlgorithms() {
        return defaults.supportedJWSAlgorithms();
      }

      @Override
      public JCAContext getJCAContext() {
        return defaults.getJCAContext();
      }
    };
  }
}
