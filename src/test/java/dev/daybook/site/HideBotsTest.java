package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.build.SiteBuilder;
import dev.daybook.model.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site.hide-bots}: a day's page leaves the bots' commits out of its commit table and says
 * how many; their sections, the report and every other page stay as they are.
 */
class HideBotsTest {

  static final String DAY = "reports/2026/02/2026-02-02.html";

  static Path build(Path out, boolean hide, Language language) throws Exception {
    new SiteBuilder().build(new SiteBuilder.Options(Bakes.SHIPPED_CONTENT, Bakes.TEMPLATES,
        Bakes.ASSETS, out, BaseUrl.parse("/"), "Daybook", language,
        ZoneId.of("Asia/Shanghai"), 50).withBots(List.of("sglang-bot"), hide));
    return out;
  }

  static Document page(Path site, String path) throws Exception {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  @Test
  void theBotsRowsLeaveTheTableAndThePageSaysHowMany(@TempDir Path dir) throws Exception {
    Path shown = build(dir.resolve("shown"), false, Language.ZH);
    Path hidden = build(dir.resolve("hidden"), true, Language.ZH);

    Document before = page(shown, DAY);
    Document after = page(hidden, DAY);
    // 2026-02-02 has one commit by sglang-bot (the shipped site.bots), c7e5a2b… in its table.
    List<String> authorsBefore = before.select("article table:first-of-type tbody tr td:eq(1)")
        .eachText();
    assertThat(authorsBefore).contains("sglang-bot");
    List<String> authorsAfter = after.select("article table:first-of-type tbody tr td:eq(1)")
        .eachText();
    assertThat(authorsAfter).doesNotContain("sglang-bot").hasSize(authorsBefore.size() - 1);
    assertThat(after.select("p.hidden-bots").text())
        .isEqualTo("表格中隐藏了机器人的 1 个提交（site.hide-bots），它们的分析仍在下文。");
    assertThat(before.select("p.hidden-bots")).isEmpty();
    // Its section is still there, and so is every anchor the table's rows link to.
    String botAnchor = before.select("article table:first-of-type tbody tr:has(td:eq(1):matches("
        + "^sglang-bot$)) a").attr("href").substring(1);
    assertThat(after.getElementById(botAnchor)).isNotNull();
    for (String href : after.select("article table:first-of-type a").eachAttr("href")) {
      assertThat(after.getElementById(href.substring(1))).as(href).isNotNull();
    }
    // A day without a bot is the same page either way.
    assertThat(Files.readString(hidden.resolve("reports/2026/02/2026-02-06.html")))
        .isEqualTo(Files.readString(shown.resolve("reports/2026/02/2026-02-06.html")));
  }

  @Test
  void anEnglishSiteSaysItInEnglish(@TempDir Path dir) throws Exception {
    Path site = build(dir.resolve("en"), true, Language.EN);
    assertThat(page(site, DAY).select("p.hidden-bots").text()).isEqualTo(
        "The table leaves out 1 commit by bots (site.hide-bots); their analyses are below.");
  }

  @Test
  void onlyTheRowsLinkingToTheGivenAnchorsGo() {
    String html = """
        <table>
        <tbody>
        <tr>
        <td>a</td>
        <td>&lt;tr&gt;bot[bot]</td>
        <td><a href="#aaaaaaa" dir="auto">x &lt;/tr&gt; href=&quot;#bbbbbbb&quot;</a></td>
        </tr>
        <tr>
        <td>b</td>
        <td>Ann</td>
        <td><a href="#bbbbbbb" dir="auto">y</a></td>
        </tr>
        </tbody>
        </table>
        <p><a href="#aaaaaaa">the bot's commit in the contents</a></p>
        """;
    String out = BotRows.hide(html, Set.of("aaaaaaa"));
    assertThat(out).doesNotContain("bot[bot]").contains("<td>Ann</td>")
        .contains("<p><a href=\"#aaaaaaa\">the bot's commit in the contents</a></p>");
    assertThat(BotRows.hide(html, Set.of("bbbbbbb"))).contains("bot[bot]")
        .doesNotContain("<td>Ann</td>");
    assertThat(BotRows.hide(html, Set.of())).isSameAs(html);
  }
}
