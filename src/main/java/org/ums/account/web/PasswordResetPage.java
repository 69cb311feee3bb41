package org.ums.account.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ums.account.InvalidAccountDataException;
import org.ums.account.InvalidVerificationTokenException;
import org.ums.account.PasswordReset;
import org.ums.web.Problems;

/**
 * The page that the links of reset and invitation emails open: a form to choose a password, which works without
 * JavaScript and answers in the reader's language.
 */
@Controller
@Hidden
class PasswordResetPage {

  private final PasswordReset passwords;
  private final Problems problems;

  PasswordResetPage(PasswordReset passwords, Problems problems) {
    this.passwords = passwords;
    this.problems = problems;
  }

  @GetMapping(path = "/password-reset", produces = MediaType.TEXT_HTML_VALUE)
  String form(@RequestParam(name = "token", required = false) String token, Model model) {
    model.addAttribute("token", token == null ? "" : token);
    return "password-reset";
  }

  @PostMapping(path = "/password-reset", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  String choose(@RequestParam(name = "token", required = false) String token,
      @RequestParam(name = "password", required = false) String password, Model model, Locale locale) {
    model.addAttribute("token", token == null ? "" : token);
    try {
      passwords.confirm(token, password == null ? "" : password);
      model.addAttribute("done", problems.message("password-reset.done", locale));
    } catch (InvalidAccountDataException e) {
      model.addAttribute("error", String.join(" ", e.violations().stream()
          .map(v -> problems.message(v.messageKey(), locale, v.arguments().toArray())).toList()));
    } catch (InvalidVerificationTokenException e) {
      model.addAttribute("error", problems.message(e.messageKey(), locale));
    }
    return "password-reset";
  }
}
