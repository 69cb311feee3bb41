package org.ums.account.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.account.Actor;
import org.ums.account.Permissions;
import org.ums.account.UserAdministration;
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

  List<Link> forPage(long skip, int limit, long total) {
    return Link.forPage(base().path("/users/"), skip, limit, total);
  }

  private static ServletUriComponentsBuilder base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath();
  }
}
