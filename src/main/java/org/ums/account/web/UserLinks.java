package org.ums.account.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.account.Actor;
import org.ums.account.Permissions;
import org.ums.account.UserAdministration;
import org.ums.account.UserPage;
import org.ums.account.UserSearch;
import org.ums.account.UserView;
import org.ums.web.Link;

/** The links of user representations, offered only for actions the caller may take. */
@Component
class UserLinks {

  private final UserAdministration administration;

  UserLinks(UserAdministration administration) {
    this.administration = administration;
  }

  List<Link> forUser(Actor actor, UserView user) {
    Permissions permissions = administration.permissions(actor, user);
    String href = base().path("/users/{id}").buildAndExpand(user.id().value()).toUriString();
    var links = new ArrayList<Link>(3);
    if (permissions.read()) {
      links.add(new Link("self", href, "GET", "view"));
    }
    if (permissions.update()) {
      links.add(new Link("update", href, "PUT", "update"));
    }
    if (permissions.delete()) {
      links.add(new Link("delete", href, "DELETE", "delete"));
    }
    return links;
  }

  /** {@code self} is {@code /users/me}; the caller's rights over their own account add the others. */
  List<Link> forMe(Actor actor, UserView me) {
    var links = new ArrayList<Link>(3);
    links.add(Link.get("self", base().path("/users/me").toUriString()));
    forUser(actor, me).stream().filter(link -> !link.rel().equals("self")).forEach(links::add);
    return links;
  }

  /**
   * The paging links of a search, each keeping every filter of the request. {@code next} pages by offset while
   * the total is exact and within reach of {@code skip}, and by cursor (after the page's last user) beyond;
   * {@code first}, {@code prev} and (when it can be reached) {@code last} page by offset.
   */
  List<Link> forSearch(UserSearch search, UserPage page) {
    var list = ServletUriComponentsBuilder.fromCurrentRequest();
    var links = new ArrayList<Link>(5);
    links.add(Link.get("self", list.cloneBuilder().build(true).toUriString()));
    links.add(Link.get("first", list.cloneBuilder().replaceQueryParam("after").replaceQueryParam("skip", 0)
        .replaceQueryParam("limit", search.limit()).build(true).toUriString()));
    long lastSkip = page.total() == 0 ? 0 : ((page.total() - 1) / search.limit()) * search.limit();
    if (page.totalIsExact() && lastSkip <= UserSearch.MAX_SKIP) {
      links.add(Link.get("last", list.cloneBuilder().replaceQueryParam("after").replaceQueryParam("skip", lastSkip)
          .replaceQueryParam("limit", search.limit()).build(true).toUriString()));
    }
    long nextSkip = search.skip() + search.limit();
    boolean byOffset = search.after() == null && page.totalIsExact() && nextSkip <= UserSearch.MAX_SKIP;
    if (byOffset && nextSkip < page.total()) {
      links.add(Link.get("next", list.cloneBuilder().replaceQueryParam("skip", nextSkip)
          .replaceQueryParam("limit", search.limit()).build(true).toUriString()));
    } else if (!byOffset && page.items().size() == search.limit()) {
      // Past the reach of skip, or past an inexact count: the walk goes on after the page's last user.
      UserView last = page.items().get(page.items().size() - 1);
      links.add(Link.get("next", list.cloneBuilder().replaceQueryParam("skip")
          .replaceQueryParam("after", cursorAfter(search, last).encode()).replaceQueryParam("limit", search.limit())
          .build(false).encode().toUriString()));
    }
    if (search.after() == null && search.skip() > 0) {
      links.add(Link.get("prev", list.cloneBuilder().replaceQueryParam("skip",
          Math.max(0, search.skip() - search.limit())).replaceQueryParam("limit", search.limit()).build(true)
          .toUriString()));
    }
    return links;
  }

  private static UserSearch.Cursor cursorAfter(UserSearch search, UserView last) {
    String value = switch (search.sort()) {
      case CREATED_AT -> last.createdAt().toString();
      case LAST_LOGIN_AT -> last.lastLoginAt() == null ? null : last.lastLoginAt().toString();
      case EMAIL -> last.email();
      case NICKNAME -> last.nickname();
    };
    return new UserSearch.Cursor(search.sort(), search.descending(), value, last.id().value());
  }

  private static ServletUriComponentsBuilder base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath();
  }
}
