package org.ums.authentication;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.UUID;

/**
 * The benchmark's note on algorithms: signatures and verifications per second on one thread for RS256 (what
 * UMS used first) and ES256 (a new installation's), on each JCA provider, with claims like an access token's.
 * Run by {@code bench/run.sh}, not by the tests.
 */
public final class SigningCost {

  private SigningCost() {
  }

  public static void main(String[] args) throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
    measure("RS256", JWSAlgorithm.RS256, new RSASSASigner(rsa), new RSASSAVerifier(rsa.toRSAPublicKey()));
    measure("ES256", JWSAlgorithm.ES256, new ECDSASigner(ec), new ECDSAVerifier(ec.toECPublicKey()));
    var bouncyCastle = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    var bcSigner = new ECDSASigner(ec);
    bcSigner.getJCAContext().setProvider(bouncyCastle);
    var bcVerifier = new ECDSAVerifier(ec.toECPublicKey());
    bcVerifier.getJCAContext().setProvider(bouncyCastle);
    measure("ES256 on Bouncy Castle", JWSAlgorithm.ES256, bcSigner, bcVerifier);
    // What the service uses (FastSignatures) on this JVM.
    measure("ES256 as UMS signs and verifies", JWSAlgorithm.ES256, FastSignatures.signer(ec),
        FastSignatures.verifiers().createJWSVerifier(new JWSHeader(JWSAlgorithm.ES256), ec.toECPublicKey()));
  }

  private static void measure(String name, JWSAlgorithm algorithm, JWSSigner signer, JWSVerifier verifier)
      throws Exception {
    var claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).claim("role", "ADMIN")
        .issuer("http://localhost:8080").issueTime(new Date()).expirationTime(new Date()).build();
    for (int i = 0; i < 2000; i++) {
      sign(algorithm, signer, claims).verify(verifier);
    }
    long end = System.nanoTime() + 3_000_000_000L;
    int signatures = 0;
    SignedJWT last = null;
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      last = sign(algorithm, signer, claims);
      signatures++;
    }
    double signSeconds = (System.nanoTime() - start) / 1e9;
    String serialized = last.serialize();
    end = System.nanoTime() + 3_000_000_000L;
    int verifications = 0;
    start = System.nanoTime();
    while (System.nanoTime() < end) {
      if (!SignedJWT.parse(serialized).verify(verifier)) {
        throw new IllegalStateException("signature does not verify");
      }
      verifications++;
    }
    double verifySeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: sign %.0f/s (%.3f ms), verify %.0f/s (%.3f ms), one thread%n", name,
        signatures / signSeconds, 1000 * signSeconds / signatures, verifications / verifySeconds,
        1000 * verifySeconds / verifications);
  }

  private static SignedJWT sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID("k").build(), claims);
    jwt.sign(signer);
    return jwt;
  }
}
