package org.ums.account;

import java.util.List;

/** One page of users and how many there are in all. */
public record UserPage(List<UserView> items, long total) {

  public UserPage {
    items = List.copyOf(items);
  }
}
