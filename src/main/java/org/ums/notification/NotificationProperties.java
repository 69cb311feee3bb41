package org.ums.notification;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email settings.
 *
 * @param publicUrl where users reach the service; the base of every link in an email
 * @param from the sender of every email
 */
@ConfigurationProperties("ums.notification")
record NotificationProperties(URI publicUrl, String from) {

  NotificationProperties {
    publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
    from = from == null || from.isBlank() ? "UMS <no-reply@localhost>" : from;
  }

  String link(String path) {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }
}
