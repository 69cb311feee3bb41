package org.ums.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.ums.UmsApplication;
import org.ums.support.Api;
import org.ums.support.HttpTest;

/** A second instance on the same database: the signing key and the bootstrap administrator are shared. */
@HttpTest
class MultipleInstancesTests {

  @Autowired
  Api api;


  @Test
  void secondInstanceAcceptsTokensOfTheFirstAndCreatesNoSecondAdministrator() {
    var first = api;
    String token = first.loginAsAdmin();
    long totalBefore = first.get("/users/?limit=1", token).json().get("total").asLong();

    try (var second = new SpringApplicationBuilder(UmsApplication.class).profiles("test")
        .properties("server.port=0").run()) {
      int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
      var other = new Api(secondPort);
      var me = other.get("/users/me", token);
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("email").asString()).isEqualTo(Api.ADMIN_EMAIL);
      String tokenFromSecond = other.loginAsAdmin();
      assertThat(first.get("/users/me", tokenFromSecond).status()).isEqualTo(200);
      assertThat(first.get("/users/?limit=1", token).json().get("total").asLong()).isEqualTo(totalBefore);

      // A logout on one instance refuses the session's access token on the other (within UMS_REVOCATION_LAG).
      assertThat(first.post("/logout/", tokenFromSecond).status()).isEqualTo(204);
      assertThat(other.get("/users/me", tokenFromSecond).status()).isEqualTo(401);
      assertThat(other.get("/users/me", token).status()).isEqualTo(200);
    }
  }
}
