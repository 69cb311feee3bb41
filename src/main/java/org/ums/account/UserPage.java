package org.ums.account;

import java.util.List;

/**
 * One page of users and how many match: exactly, or when {@code totalIsExact} is false at least {@code total}.
 */
public record UserPage(List<UserView> items, long total, boolean totalIsExact) {

  public UserPage {
    items = List.copyOf(items);
  }
}
