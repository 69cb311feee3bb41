package org.ums.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP settings shared by every module.
 *
 * @param corsAllowedOrigins origins allowed to call the API from a browser; none by default
 */
@ConfigurationProperties("ums.web")
record WebProperties(List<String> corsAllowedOrigins) {

  WebProperties {
    corsAllowedOrigins = corsAllowedOrigins == null ? List.of()
        : corsAllowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
  }
}
