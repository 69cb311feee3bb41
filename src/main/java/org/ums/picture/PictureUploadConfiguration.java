package org.ums.picture;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart limits, which Tomcat applies while it reads a request: a file larger than
 * {@code ums.picture.max-size} is refused (413) as soon as that much is read, before it is all written to disk.
 * The whole request may be twice that: one file a little too large is then read up to the limit and the rest
 * drained, so the client reads the 413 on a healthy connection; a request announcing more is answered 413
 * before its body is read, and its connection is closed. No request can fill the disk with many parts. Pictures are the only uploads this service takes.
 */
@Configuration(proxyBeanMethods = false)
class PictureUploadConfiguration {

  /** Room for the part headers and boundaries around the one file. */
  private static final long ENVELOPE = 64 * 1024;

  @Bean
  MultipartConfigElement multipartConfigElement(PictureProperties properties) {
    long file = properties.maxSize().toBytes();
    return new MultipartConfigElement(null, file, 2 * file + ENVELOPE, 0);
  }
}
