package org.ums.support;

import java.util.UUID;

/** Addresses nobody else in the test run uses. */
public final class Emails {

  private Emails() {
  }

  public static String unique(String name) {
    return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }
}
