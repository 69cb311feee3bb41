package org.ums.account.web;

import java.util.List;
import org.ums.web.Link;

/**
 * A page of users: {@code page} counts from 1 and {@code size} is the number of items on it; {@code total} is
 * exact when {@code totalIsExact}, else a lower bound.
 */
record UserListResponse(List<UserResponse> items, long total, boolean totalIsExact, long page, int size,
    List<Link> links) {
}
