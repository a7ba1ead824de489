package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site is a function of the archive: the same content baked again gives the same files, byte
 * for byte, whatever the JVM's default time zone and locale (GitHub's runners and a laptop differ).
 */
class BakeDeterminismTest {

  @TempDir
  Path dir;

  /**
   * Bakes the shipped content at the root with the JVM defaults set to a zone and a locale, and
   * checks that the bake leaves them so; restores the previous defaults.
   */
  private Path bakeWith(TimeZone zone, Locale locale) throws Exception {
    TimeZone savedZone = TimeZone.getDefault();
    Locale saved = Locale.getDefault();
    Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
    try {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
      Path out = dir.resolve("output");
      Bakes.bake(Bakes.SHIPPED_CONTENT, out, Bakes.ROOT);
      // JBake's Oven sets the JVM locale from its configuration; a bake must leave it as it was.
      assertThat(Locale.getDefault()).as("default locale after the bake").isEqualTo(locale);
      assertThat(TimeZone.getDefault()).as("default time zone after the bake").isEqualTo(zone);
      return out;
    } finally {
      TimeZone.setDefault(savedZone);
      Locale.setDefault(saved);
      Locale.setDefault(Locale.Category.FORMAT, savedFormat);
      Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
    }
  }

  /** The same file list and the same bytes; a failure names the first differences. */
  static void assertSameSite(Path expected, Path actual) throws IOException {
    List<String> files = Bakes.files(expected);
    assertThat(Bakes.files(actual)).as("files of the second bake").isEqualTo(files);
    List<String> different = new ArrayList<>();
    for (String f : files) {
      byte[] a = Files.readAllBytes(expected.resolve(f));
      byte[] b = Files.readAllBytes(actual.resolve(f));
      int at = Arrays.mismatch(a, b);
      if (at >= 0) {
        different.add(f + " at byte " + at + ": '" + excerpt(a, at) + "' vs '" + excerpt(b, at)
            + "'");
      }
    }
    assertThat(different).as("files that differ").isEmpty();
  }

  private static String excerpt(byte[] bytes, int at) {
    int from = Math.max(0, at - 40);
    int to = Math.min(bytes.length, at + 40);
    return new String(bytes, from, to - from, StandardCharsets.UTF_8).replace("\n", "\\n");
  }

  @Test
  void bakingTheSameContentTwiceGivesTheSameBytes() throws Exception {
    Path first = Bakes.shipped(Bakes.ROOT);

    Path second = bakeWith(TimeZone.getDefault(), Locale.getDefault());

    assertThat(Bakes.files(first)).hasSizeGreaterThan(20);
    assertSameSite(first, second);
  }

  @Test
  void aDefaultTimeZoneFarFromTheReportsAndALocaleWithOtherDigitsChangeNothing()
      throws Exception {
    Path first = Bakes.shipped(Bakes.ROOT);

    // UTC+14 puts every report's day on another calendar day; Arabic (Egypt) formats numbers
    // with Arabic-Indic digits.
    Path second = bakeWith(TimeZone.getTimeZone("Pacific/Kiritimati"),
        Locale.forLanguageTag("ar-EG"));

    assertSameSite(first, second);
  }

  @Test
  void aTurkishLocaleAndAWesternTimeZoneChangeNothing() throws Exception {
    Path first = Bakes.shipped(Bakes.ROOT);

    // Turkish lower-cases 'I' to dotless 'ı'; UTC-8/-7 is behind every report's zone.
    Path second = bakeWith(TimeZone.getTimeZone("America/Los_Angeles"),
        Locale.forLanguageTag("tr-TR"));

    assertSameSite(first, second);
  }
}
