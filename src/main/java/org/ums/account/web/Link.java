package org.ums.account.web;

/** A hypermedia link: where ({@code href}), how ({@code method}) and what for ({@code rel}, {@code action}). */
record Link(String rel, String href, String method, String action) {

  static Link get(String rel, String href) {
    return new Link(rel, href, "GET", "view");
  }
}
