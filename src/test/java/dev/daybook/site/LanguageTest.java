package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.build.SiteBuilder;
import dev.daybook.model.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chinese by default, English with site.locale=en: the lang attribute and the site's words. */
class LanguageTest {

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
    assertThat(list.selectFirst("h1").text()).isEqualTo("🔴 High importance: every commit");
    // Times are shown in the report's time zone: 2026-02-06T15:55:42Z is 23:55:42 in Shanghai.
    Document repo = page(out, "repos/sgl-project/sglang/index.html");
    assertThat(repo.select("li.entry").text()).contains("2026-02-08 23:11:16".substring(11));
    Document report = page(out, "reports/2026/02/2026-02-06.html");
    assertThat(report.selectFirst("html").attr("lang")).isEqualTo("en");
    assertThat(report.select("nav.daynav a[rel=next]").text()).contains("Next day 2026-02-07");
    // The report itself was written in Chinese and says so.
    assertThat(report.selectFirst("article.report").attr("lang")).isEqualTo("zh-CN");
  }
}
