package org.ums.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ums.account.Actor;
import org.ums.account.EmailChange;
import org.ums.web.Problems;

/** A new email for one's account: asked with the password, confirmed by the link sent to the new address. */
@RestController
@Tag(name = "Users")
class EmailChangeController {

  private final EmailChange emailChange;
  private final Problems problems;

  EmailChangeController(EmailChange emailChange, Problems problems) {
    this.emailChange = emailChange;
    this.problems = problems;
  }

  /** The body of a change of email. */
  record EmailChangeRequest(String password, String newEmail) {
  }

  @PostMapping("/users/me/email")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Change your email", description = "`{\"password\", \"new_email\"}`: 202, and a link is sent "
      + "to the new address; until it is followed the current email stays in force (logins, emails). Once it is, "
      + "the old address is told. A wrong password or a malformed or unchanged address is 422 naming the field; an "
      + "address another account has is 409.")
  ResponseEntity<MessageResponse> request(@AuthenticationPrincipal Actor actor,
      @RequestBody EmailChangeRequest request, Locale locale) {
    emailChange.request(actor.id(), request.password(), request.newEmail());
    return ResponseEntity.accepted().body(new MessageResponse(problems.message("email-change.requested", locale)));
  }

  @GetMapping("/email-change/confirm")
  @SecurityRequirements
  @Operation(summary = "Confirm a new email", description = "The link sent to the new address: it becomes the "
      + "account's email. Unknown, used or expired links: 400 in one sentence; an address taken meanwhile: 409.")
  MessageResponse confirm(@RequestParam(name = "token", required = false) String token, Locale locale) {
    emailChange.confirm(token);
    return new MessageResponse(problems.message("email-change.confirmed", locale));
  }
}
