package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ums.support.Api;
import org.ums.support.Emails;
import org.ums.support.HttpTest;

/** Tokens an attacker could bring: each is refused with 401, while the same token made properly is accepted. */
@HttpTest
class TokenAttackHttpTests {

  @Autowired
  Api api;
  @Autowired
  SigningKeys keys;
  @Autowired
  AuthenticationProperties properties;

  @Test
  void aProperlyMadeTokenIsAcceptedSoTheRefusalsBelowAreAboutWhatIsWrong() throws Exception {
    var member = api.registerVerifiedMember(Emails.unique("attack-baseline"), "a long enough secret");
    assertThat(api.get("/users/me", signed(claims(member.id()).build(), keys.signingKey().getKeyID())).status())
        .isEqualTo(200);
  }

  @Test
  void expiredNotYetValidForeignIssuerAndUnknownKeyAre401() throws Exception {
    var member = api.registerVerifiedMember(Emails.unique("attack"), "a long enough secret");
    Instant now = Instant.now();
    String kid = keys.signingKey().getKeyID();

    assertRefused(signed(with(member.id(), b -> b.issueTime(Date.from(now.minusSeconds(3600)))
        .expirationTime(Date.from(now.minusSeconds(1800)))), kid));
    assertRefused(signed(with(member.id(), b -> b.notBeforeTime(Date.from(now.plusSeconds(3600)))), kid));
    assertRefused(signed(with(member.id(), b -> b.issuer("https://evil.example.com")), kid));
    assertRefused(signed(claims(member.id()).build(), "unknown-key"));
    // Signed by a key of the attacker's own, under the service's kid.
    var foreign = keys.signingKey() instanceof RSAKey
        ? new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256).generate()
        : new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256).keyID(kid)
            .algorithm(JWSAlgorithm.ES256).generate();
    var forged = new SignedJWT(new JWSHeader.Builder(algorithm()).keyID(kid).type(JOSEObjectType.JWT).build(),
        claims(member.id()).build());
    forged.sign(signer(foreign));
    assertRefused(forged.serialize());
  }

  @Test
  void hs256SignedWithThePublicKeyTruncatedAndOversizedTokensAre401() throws Exception {
    var member = api.registerVerifiedMember(Emails.unique("attack-alg"), "a long enough secret");
    String kid = keys.signingKey().getKeyID();
    var confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).type(JOSEObjectType.JWT).build(),
        claims(member.id()).build());
    confused.sign(new MACSigner(keys.signingKey().toPublicJWK() instanceof RSAKey rsa
        ? rsa.toRSAPublicKey().getEncoded()
        : ((com.nimbusds.jose.jwk.ECKey) keys.signingKey()).toECPublicKey().getEncoded()));
    String good = signed(claims(member.id()).build(), kid);

    assertRefused(confused.serialize());
    assertRefused(good.substring(0, good.length() - 10));
    assertRefused(good.substring(0, good.lastIndexOf('.')));
    String oversized = signed(with(member.id(), b -> b.claim("padding", "x".repeat(20_000))), kid);
    int status = api.get("/users/me", oversized).status();
    assertThat(status).as("a 20 KB token is refused, never a 5xx").isIn(400, 401, 431);
  }

  private void assertRefused(String token) {
    var response = api.get("/users/me", token);
    assertThat(response.status()).as(token.length() > 80 ? token.substring(0, 80) : token).isEqualTo(401);
  }

  private JWTClaimsSet.Builder claims(String userId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().subject(userId).claim("role", "AUTHENTICATED").claim("ver", 1L)
        .issuer(properties.issuer()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
  }

  private JWTClaimsSet with(String userId, UnaryOperator<JWTClaimsSet.Builder> change) {
    return change.apply(claims(userId)).build();
  }

  private String signed(JWTClaimsSet claims, String kid) throws Exception {
    var jwt = new SignedJWT(new JWSHeader.Builder(algorithm()).keyID(kid).type(JOSEObjectType.JWT).build(),
        claims);
    jwt.sign(signer(keys.signingKey()));
    return jwt.serialize();
  }

  private JWSAlgorithm algorithm() {
    return (JWSAlgorithm) keys.signingKey().getAlgorithm();
  }

  private static com.nimbusds.jose.JWSSigner signer(com.nimbusds.jose.jwk.JWK key) throws Exception {
    return key instanceof RSAKey rsa ? new RSASSASigner(rsa)
        : new com.nimbusds.jose.crypto.ECDSASigner((com.nimbusds.jose.jwk.ECKey) key);
  }
}
