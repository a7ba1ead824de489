package dev.daybook.model;

import java.util.Locale;
import java.util.Optional;

/** The language of a report's fixed words and of the site. Chinese is the archive's default. */
public enum Language {
  ZH("zh", "zh-CN"),
  EN("en", "en");

  private final String key;
  private final String htmlLang;

  Language(String key, String htmlLang) {
    this.key = key;
    this.htmlLang = htmlLang;
  }

  /** The key used in {@code site.properties} and report headers: {@code zh} or {@code en}. */
  public String key() {
    return key;
  }

  /** The value for an HTML {@code lang} attribute. */
  public String htmlLang() {
    return htmlLang;
  }

  public static Optional<Language> fromKey(String key) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (l.key.equals(k)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
