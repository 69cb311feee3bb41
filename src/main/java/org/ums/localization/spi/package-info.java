/** What other modules provide to localization: the language a signed-in caller chose. */
@org.springframework.modulith.NamedInterface("spi")
package org.ums.localization.spi;
