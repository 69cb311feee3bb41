package org.ums.admincli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console speaks the language the environment names, even where that locale is not installed. */
class ConsoleLanguageTests {

  @Test
  void theEnvironmentNamesTheLanguageInGettextsOrder() {
    assertThat(AdminConsole.localeOf(Map.of("LANG", "de_DE.UTF-8"))).isEqualTo(Locale.GERMANY);
    assertThat(AdminConsole.localeOf(Map.of("LANG", "zh_CN.UTF-8")).toLanguageTag()).isEqualTo("zh-CN");
    assertThat(AdminConsole.localeOf(Map.of("LANG", "fr_FR.UTF-8", "LC_MESSAGES", "es_MX")).getLanguage())
        .isEqualTo("es");
    assertThat(AdminConsole.localeOf(Map.of("LANG", "fr_FR.UTF-8", "LC_ALL", "C.UTF-8"))).isEqualTo(Locale.ENGLISH);
    assertThat(AdminConsole.localeOf(Map.of("LANG", "de_CH@euro")).getLanguage()).isEqualTo("de");
  }
}
