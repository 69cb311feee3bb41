package org.ums.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A hypermedia link: where ({@code href}), how ({@code method}) and what for ({@code rel}, {@code action}).
 * Every module's links component builds these, offering a link only when the caller may follow it.
 */
public record Link(String rel, String href, String method, String action) {

  public static Link get(String rel, String href) {
    return new Link(rel, href, "GET", "view");
  }

  /**
   * The {@code self}, {@code first}, {@code last}, {@code next} and {@code prev} links of a page of a list
   * paged by {@code skip} and {@code limit}; {@code list} holds the list's path and every filter, which the
   * links keep. Its query, when taken from the current request, is already encoded.
   */
  public static List<Link> forPage(UriComponentsBuilder list, long skip, int limit, long total) {
    var links = new ArrayList<Link>(5);
    long lastSkip = total == 0 ? 0 : ((total - 1) / limit) * limit;
    links.add(get("self", pageHref(list, skip, limit)));
    links.add(get("first", pageHref(list, 0, limit)));
    links.add(get("last", pageHref(list, lastSkip, limit)));
    if (skip + limit < total) {
      links.add(get("next", pageHref(list, skip + limit, limit)));
    }
    if (skip > 0) {
      links.add(get("prev", pageHref(list, Math.max(0, skip - limit), limit)));
    }
    return links;
  }

  private static String pageHref(UriComponentsBuilder list, long skip, int limit) {
    return list.cloneBuilder().replaceQueryParam("skip", skip).replaceQueryParam("limit", limit)
        .build(true).toUriString();
  }
}
