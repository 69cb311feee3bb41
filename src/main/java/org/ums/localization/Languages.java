package org.ums.localization;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The languages every sentence exists in: English ({@code i18n/messages.properties}, the default and the
 * fallback) and one language per {@code i18n/messages_<tag>.properties} found on the class path, so adding a
 * language is adding its file. A request's language is the first of its {@code Accept-Language} ranges that
 * one of these serves, by tag and then by language ({@code es-MX} is served in {@code es}, any {@code zh} in
 * {@code zh-CN}).
 */
public final class Languages {

  public static final Locale DEFAULT = Locale.ENGLISH;

  private static final Pattern BUNDLE_NAME = Pattern.compile("messages_([A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*)"
      + "\\.properties");

  /** The folder and base name of the bundles, as {@code spring.messages.basename} names them. */
  public static final String BUNDLES = "i18n/messages";

  /** English first, then the others by tag, as {@code GET /languages} lists them. */
  public static final List<Locale> SUPPORTED = discover();

  private Languages() {
  }

  private static List<Locale> discover() {
    var found = new TreeMap<String, Locale>();
    try {
      Resource[] bundles = new PathMatchingResourcePatternResolver(Languages.class.getClassLoader())
          .getResources("classpath*:" + BUNDLES + "_*.properties");
      for (Resource bundle : bundles) {
        Matcher name = BUNDLE_NAME.matcher(String.valueOf(bundle.getFilename()));
        if (name.matches()) {
          Locale locale = Locale.forLanguageTag(name.group(1).replace('_', '-'));
          found.put(locale.toLanguageTag(), locale);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the message bundles", e);
    }
    var languages = new ArrayList<Locale>();
    languages.add(DEFAULT);
    found.values().stream().filter(locale -> !locale.equals(DEFAULT)).forEach(languages::add);
    return List.copyOf(languages);
  }

  /** The supported language with this BCP 47 tag (any case, {@code _} or {@code -}), if there is one. */
  public static Optional<Locale> byTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String normalized = tag.strip().replace('_', '-');
    return SUPPORTED.stream().filter(locale -> locale.toLanguageTag().equalsIgnoreCase(normalized)).findFirst();
  }

  /** The tags that {@link #byTag} accepts, for messages that list them. */
  public static String tags() {
    return String.join(", ", SUPPORTED.stream().map(Locale::toLanguageTag).toList());
  }

  /** The supported language that serves {@code requested} best, if any does. */
  public static Optional<Locale> serving(Locale requested) {
    if (requested == null || requested.getLanguage().isEmpty()) {
      return Optional.empty();
    }
    Optional<Locale> exact = SUPPORTED.stream()
        .filter(locale -> locale.toLanguageTag().equalsIgnoreCase(requested.toLanguageTag())).findFirst();
    return exact.isPresent() ? exact
        : SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(requested.getLanguage())).findFirst();
  }

  /**
   * The first of the request's {@code Accept-Language} ranges, in the order of their quality, that is served;
   * else English (also without the header, where the servlet container would offer the JVM's own locale).
   */
  public static Locale forRequest(HttpServletRequest request) {
    return servedFor(request).orElse(DEFAULT);
  }

  /** The language the request's {@code Accept-Language} asks for and is served, if any. */
  public static Optional<Locale> servedFor(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Enumeration<Locale> requested = request.getLocales();
    while (requested.hasMoreElements()) {
      Optional<Locale> served = serving(requested.nextElement());
      if (served.isPresent()) {
        return served;
      }
    }
    return Optional.empty();
  }

  /** The file name suffix of a language's bundle: {@code zh_CN} for {@code zh-CN}. */
  static String bundleSuffix(Locale language) {
    return language.toLanguageTag().replace('-', '_');
  }
}
