package org.ums.notification;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.notification.DeliveryLog.Delivery;
import org.ums.web.Link;

/** The links of delivery representations: {@code retry} only where a retry is allowed. */
@Component
class NotificationLinks {

  List<Link> forDelivery(Delivery delivery) {
    String href = ServletUriComponentsBuilder.fromCurrentContextPath().path("/notifications/{id}")
        .buildAndExpand(delivery.id()).toUriString();
    var links = new ArrayList<Link>(2);
    links.add(Link.get("self", href));
    if (delivery.status() == DeliveryStatus.FAILED || delivery.status() == DeliveryStatus.SKIPPED) {
      links.add(new Link("retry", href + "/retry", "POST", "retry"));
    }
    return links;
  }

  /** The page's links keep every filter of the current request. */
  List<Link> forPage(long skip, int limit, long total) {
    return Link.forPage(ServletUriComponentsBuilder.fromCurrentRequest(), skip, limit, total);
  }
}
