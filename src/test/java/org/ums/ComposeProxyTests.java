package org.ums;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose set-up believes X-Forwarded-For from nginx alone, and nginx sets the header to its client's address
 * instead of appending to what the client sent: nobody chooses their own address for rate limits and the audit log.
 */
class ComposeProxyTests {

  @Test
  @SuppressWarnings("unchecked")
  void umsTrustsExactlyTheNginxContainerAsItsProxy() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    var services = (Map<String, Map<String, Object>>) compose.get("services");
    var nginxNetworks = (Map<String, Map<String, String>>) services.get("nginx").get("networks");
    String nginx = nginxNetworks.get("default").get("ipv4_address");
    var environment = (Map<String, String>) services.get("ums").get("environment");
    Pattern trusted = Pattern.compile(environment.get("UMS_TRUSTED_PROXIES"));

    assertThat(trusted.matcher(nginx).matches()).isTrue();
    String subnet = nginx.substring(0, nginx.lastIndexOf('.') + 1);
    for (String other : new String[] {subnet + "2", subnet + "11", subnet + "100", subnet + "1", "172.17.0.2",
        "172.16.0.1", "192.168.1.10", "10.0.0.1"}) {
      assertThat(trusted.matcher(other).matches()).as(other).isFalse();
    }
  }

  @Test
  void nginxSetsTheForwardedAddressInsteadOfAppendingToTheClients() throws IOException {
    String conf = Files.readString(Path.of("deploy/nginx/nginx.conf"));

    assertThat(conf).containsPattern("proxy_set_header\\s+X-Forwarded-For\\s+\\$remote_addr;")
        .doesNotContain("$proxy_add_x_forwarded_for");
  }
}
