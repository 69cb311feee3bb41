package org.ums.localization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The languages a user may choose as their {@code preferred_language}. */
@RestController
@Tag(name = "Languages")
class LanguageController {

  @GetMapping("/languages")
  @Operation(summary = "The languages of answers and emails", description = "For anyone. `code` is what "
      + "`preferred_language` takes; `name` is the language's own name; `display_name` is its name in the "
      + "language of this answer.")
  List<LanguageResponse> languages(Locale locale) {
    return Languages.SUPPORTED.stream().map(language -> new LanguageResponse(language.toLanguageTag(),
        language.getDisplayName(language), language.getDisplayName(locale), language.equals(Languages.DEFAULT)))
        .toList();
  }

  /** One supported language. */
  record LanguageResponse(String code, String name, String displayName, boolean isDefault) {
  }
}
