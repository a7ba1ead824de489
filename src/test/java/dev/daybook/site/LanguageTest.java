package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.archive.ReportStore;
import dev.daybook.build.SiteBuilder;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Language;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.ReportParser;
import dev.daybook.text.MarkdownText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chinese by default, English with site.locale=en: the lang attribute and the site's words. */
class LanguageTest {

  /** Names that stay as they are in both languages: the product, formats, the report's words. */
  static final Set<String> NAMES = Set.of("Daybook", "Markdown", "Atom", "Bug", "CI");
  static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
  static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]+");
  /** The pages of navigation at archive scale, each of a different kind. */
  static final List<String> NAVIGATION = List.of("index.html", "reports/2026/index.html",
      "reports/2026/02/index.html", "type/bugfix/index.html", "type/ci/index.html",
      "repos/sgl-project/sglang/index.html", "breaking/index.html",
      "severity/low/index.html", "404.html");

  /**
   * The data of the shipped archive, which stays as written whatever the site's language:
   * commit titles, authors, short SHAs and repositories, and the site's title.
   */
  static List<String> data(String siteTitle) throws Exception {
    Set<String> data = new TreeSet<>();
    data.add(siteTitle);
    ReportParser parser = new ReportParser(ZoneId.of("Asia/Shanghai"));
    for (Path file : new ReportStore(Bakes.SHIPPED_CONTENT).list()) {
      DailyReport day = parser.parse(file, Files.readString(file), true).report().orElseThrow();
      for (RepoSection section : day.sections()) {
        data.add(section.repo().toString());
        for (ReportedCommit c : section.commits()) {
          data.add(MarkdownText.oneLine(c.title()).replaceAll("\\s+", " "));
          data.add(MarkdownText.oneLine(c.author()).replaceAll("\\s+", " "));
          data.add(c.shortSha());
        }
      }
    }
    List<String> longestFirst = new ArrayList<>(data);
    longestFirst.sort(Comparator.comparing(String::length).reversed());
    return longestFirst;
  }

  /**
   * What a reader sees of a page that is not data: its text, its title and description, and
   * the words of its attributes (a placeholder, a label, a tooltip), with the data taken out.
   */
  static String fixedWords(Document page, List<String> data) {
    StringBuilder all = new StringBuilder(page.title()).append('\n')
        .append(page.select("meta[name=description]").attr("content")).append('\n')
        .append(page.body().text());
    for (Element e : page.select("[placeholder], [aria-label], [title], [alt]")) {
      for (String a : List.of("placeholder", "aria-label", "title", "alt")) {
        all.append('\n').append(e.attr(a));
      }
    }
    String text = all.toString().replaceAll("\\s+", " ");
    for (String d : data) {
      text = text.replace(d, " ");
    }
    return text;
  }

  @Test
  void aChinesePageOfTheNavigationShowsNoEnglishFixedWord() throws Exception {
    Path out = Bakes.shipped(Bakes.ROOT);
    List<String> data = data(Bakes.config().title());

    for (String path : NAVIGATION) {
      String words = fixedWords(page(out, path), data);
      List<String> latin = LATIN_WORD.matcher(words).results().map(m -> m.group())
          .filter(w -> !NAMES.contains(w)).distinct().toList();
      assertThat(latin).as("English words on the Chinese %s", path).isEmpty();
      assertThat(words).as(path).containsPattern(CJK);
    }
  }

  @Test
  void anEnglishPageOfTheNavigationShowsNoChineseFixedWord() throws Exception {
    Path out = dir.resolve("output");
    new SiteBuilder().build(new SiteBuilder.Options(Bakes.SHIPPED_CONTENT, Bakes.TEMPLATES,
        Bakes.ASSETS, out, BaseUrl.parse("/"), "Daybook", Language.EN,
        ZoneId.of("Asia/Shanghai"), 50));
    List<String> data = data("Daybook");

    for (String path : NAVIGATION) {
      String words = fixedWords(page(out, path), data);
      assertThat(CJK.matcher(words).results().map(m -> m.group()).distinct().toList())
          .as("Chinese words on the English %s", path).isEmpty();
      assertThat(words).as(path).containsPattern(LATIN_WORD);
    }
  }

  @TempDir
  Path dir;

  Document page(Path out, String path) throws Exception {
    return Jsoup.parse(Files.readString(out.resolve(path)));
  }

  @Test
  void chineseIsTheDefault() throws Exception {
    Path out = Bakes.shipped(Bakes.ROOT);
    Document home = page(out, "index.html");
    assertThat(home.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(home.select("nav.site-nav").text()).contains("高", "订阅");
    Document report = page(out, "reports/2026/02/2026-02-06.html");
    assertThat(report.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
    assertThat(report.select("nav.daynav a[rel=prev]").text()).contains("前一天 2026-02-05");
  }

  @Test
  void englishWithSiteLocaleEn() throws Exception {
    Path out = dir.resolve("output");
    new SiteBuilder().build(new SiteBuilder.Options(Bakes.SHIPPED_CONTENT, Bakes.TEMPLATES,
        Bakes.ASSETS, out, BaseUrl.parse("/"), "Daybook", Language.EN,
        ZoneId.of("Asia/Shanghai"), 50));
    Document home = page(out, "index.html");
    assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(home.select("nav.site-nav").text()).contains("High", "Medium", "Low", "Feed");
    assertThat(home.select("#latest-title").text()).isEqualTo("Latest report");
    Document list = page(out, "severity/high/index.html");
    assertThat(list.selectFirst("h1").text()).isEqualTo("Commits of 🔴 High importance");
    // Times are shown in the report's time zone: 2026-02-06T15:55:42Z is 23:55:42 in Shanghai.
    Document repo = page(out, "repos/sgl-project/sglang/index.html");
    assertThat(repo.select(".entries > li").text()).contains("2026-02-08 23:11:16".substring(11));
    Document report = page(out, "reports/2026/02/2026-02-06.html");
    assertThat(report.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(report.select("nav.daynav a[rel=next]").text()).contains("Next day 2026-02-07");
    // The report itself was written in Chinese and says so.
    assertThat(report.selectFirst("article.report").attr("lang")).isEqualTo("zh-CN");
  }
}
