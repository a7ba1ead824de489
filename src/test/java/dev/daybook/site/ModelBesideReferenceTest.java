package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daybook.analysis.llm.FakeLlm;
import dev.daybook.cli.CliRun;
import dev.daybook.config.SiteConfig;
import dev.daybook.source.github.FakeGitHub;
import dev.daybook.source.github.FakeRepo;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Issue 17's check: the day 2026-02-06 analyzed by a model (the stand-in endpoint on loopback,
 * through {@code daybook generate --analyzer llm} against the stand-in GitHub) beside the
 * reference report of that day brought in by {@code daybook import}, both baked by {@code daybook
 * build} and shown in headless Chromium. A commit's analysis has the same sections in the same order in
 * both; the model's day opens with its day summary, marked as the model's. Screenshots of the two
 * side by side, at desktop and phone width, go to {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ModelBesideReferenceTest {

  static final Clock AFTER_THE_WEEK = Clock.fixed(Instant.parse("2026-02-10T00:00:00Z"),
      ZoneOffset.UTC);
  /** A high commit of the reference day whose analysis there is whole (not cut off). */
  static final String SHA = "3d68bd9";
  static final String DAY_PAGE = "reports/2026/02/2026-02-06.html";

  private FakeGitHub github;
  private FakeLlm llm;
  private StaticServer server;
  private Chromium.Session browser;
  private String base;

  @BeforeAll
  void generateBakeAndServe(@TempDir Path tmp) throws IOException {
    Chromium.requireInstalled("ModelBesideReferenceTest");
    github = FakeGitHub.start().serve(FakeRepo.sglangWeek());
    llm = FakeLlm.start().otherwise(ModelBesideReferenceTest::answer);
    Path sites = tmp.resolve("sites");
    Files.createDirectories(sites);
    server = StaticServer.start(sites, 0, "/");
    base = server.url().toString();

    Path config = tmp.resolve("site.properties");
    // The shipped settings, with GitHub and the model on loopback.
    String shipped = Files.readString(Path.of(SiteConfig.FILE_NAME))
        .replaceAll("(?m)^github\\.api-url=.*$", "github.api-url=" + github.apiUrl());
    Files.writeString(config, shipped + "\nllm.base-url=" + llm.baseUrl()
        + "\nllm.model=stand-in-model\nllm.max-retries=0\n");
    // The same in an English archive.
    Path english = tmp.resolve("en.properties");
    Files.writeString(english, Files.readString(config)
        .replaceAll("(?m)^site\\.locale=.*$", "site.locale=en"));
    for (Path settings : List.of(config, english)) {
      String name = settings.equals(config) ? "model" : "model-en";
      CliRun generate = CliRun.run(Map.of("DAYBOOK_LLM_API_KEY", "sk-test"), AFTER_THE_WEEK,
          "generate", "--config=" + settings, "--content=" + tmp.resolve(name + "-content"),
          "--date=2026-02-06", "--analyzer=llm");
      assertThat(generate.exitCode()).as(generate.err()).isZero();
      assertThat(generate.out()).contains(settings.equals(config) ? "0 个改用规则分析"
          : "0 fell back to the rules\n");
    }

    CliRun imported = CliRun.run("import", "--config=" + config,
        "--content=" + tmp.resolve("reference-content"),
        "src/test/resources/reports/reference/report-2026-02-06.zh.md");
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    for (String name : List.of("model", "reference", "model-en")) {
      CliRun build = CliRun.run("build", "--config=" + (name.endsWith("-en") ? english : config),
          "--content=" + tmp.resolve(name + "-content"), "--out=" + sites.resolve(name),
          "--base-url=" + base + name + "/", "--index=" + tmp.resolve(name + "-index"));
      assertThat(build.exitCode()).as("build %s: %s", name, build.err()).isZero();
    }
    browser = Chromium.start(1280, 900);
  }

  @AfterAll
  void closeAll() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (llm != null) {
      llm.close();
    }
    if (github != null) {
      github.close();
    }
  }

  @Test
  void aModelAnalyzedCommitHasTheReferencesSectionsInItsOrder() {
    List<String> reference = sections("reference");
    List<String> model = sections("model");
    assertThat(reference).containsExactly("🎯 变更类型", "⚡ 重要程度", "📋 变更摘要",
        "🎯 影响范围", "🔍 技术洞察", "⚠️ 潜在风险", "💡 关注建议", "📌 结论");
    // Daybook adds why it judged so; the historical report had no such section.
    assertThat(model).containsExactly("🎯 变更类型", "⚡ 重要程度", "📋 变更摘要",
        "🎯 影响范围", "🔍 技术洞察", "⚠️ 潜在风险", "💡 关注建议", "📌 结论", "🧭 判定依据");
    // The insights are a table by dimension, the risks and recommendations numbered and titled.
    for (String site : List.of("model", "reference")) {
      open(site);
      assertThat(js("return [...commitSection(arguments[0])].filter(e => e.matches('table'))"
          + ".map(t => [...t.querySelectorAll('th')].map(th => th.textContent).join('|'));", SHA))
          .as(site).isEqualTo(List.of("维度|影响"));
      assertThat(((Number) js("return [...commitSection(arguments[0])].filter(e =>"
          + " e.matches('ol') && e.querySelector('li > strong')).length;", SHA)).intValue())
          .as("titled numbered lists in %s", site).isEqualTo(2);
    }
  }

  @Test
  void theModelsDayOpensWithItsSummaryMarkedAsTheModels() {
    open("model");
    String summary = (String) js("const label = [...document.querySelectorAll('main p > strong')]"
        + ".find(s => s.textContent === '📝 本日要点');"
        + "let text = '', e = label.parentElement.nextElementSibling;"
        + "while (e && !e.matches('table, .table-wrap, div')) { text += e.innerText + '\\n'; "
        + "e = e.nextElementSibling; } return text;");
    assertThat(summary).contains("add hicache jit test (#17847)（3d68bd9）：")
        .contains("🤖 由模型 stand-in-model 根据本日各提交的分析写成（要点提示词 v1）。");
    open("reference");
    assertThat(js("return [...document.querySelectorAll('main p > strong')]"
        + ".filter(s => s.textContent === '📝 本日要点').length;")).isEqualTo(0L);
  }

  @Test
  void inAnEnglishArchiveTheModelsSummaryIsInEnglishAndLaidOutTheSameWay() throws IOException {
    open("model-en");
    assertThat(js("return document.documentElement.lang;")).isEqualTo("en");
    String page = (String) js("return document.querySelector('main').innerText;");
    assertThat(page).contains("📝 Day summary\n").contains("13 commits today.")
        .contains("add hicache jit test (#17847) (3d68bd9): The most important change:")
        .contains("🤖 Written by the model stand-in-model from the day's analyses (summary prompt"
            + " v1).")
        .doesNotContain("本日要点").doesNotContain("由模型");
    Files.createDirectories(BrowserTest.SCREENSHOTS);
    for (int width : new int[] {1280, 390}) {
      cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 1300,
          "deviceScaleFactor", 1, "mobile", width < 600));
      ImageIO.write(shot("model-en", "top", width), "png",
          BrowserTest.SCREENSHOTS.resolve("model-day-en-top-" + width + ".png").toFile());
      assertThat(js("return getComputedStyle(document.querySelector('.report table.commits"
          + " thead')).display;")).isEqualTo(width < 600 ? "none" : "table-header-group");
      // A type is one word here: on one line, not cut inside ("Featur" / "e").
      assertThat(((Number) js("const cell = document.querySelector('.report table.commits"
          + " tbody td:nth-child(4)'); const range = document.createRange();"
          + " range.selectNodeContents(cell); return range.getClientRects().length;"))
          .intValue()).as("lines of 'Feature' at %d", width).isEqualTo(1);
    }
    cdp("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  @Test
  void screenshotsOfTheTwoSideBySide() throws IOException {
    Files.createDirectories(BrowserTest.SCREENSHOTS);
    for (int width : new int[] {1280, 390}) {
      cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 1300,
          "deviceScaleFactor", 1, "mobile", width < 600));
      for (String site : List.of("model", "reference")) {
        open(site);
        // The commit table is laid out as the stylesheet means, the day summary before it or not.
        assertThat(js("return getComputedStyle(document.querySelector('.report table.commits"
            + " thead')).display;")).as("%s at %d", site, width)
            .isEqualTo(width < 600 ? "none" : "table-header-group");
      }
      for (String part : List.of("top", SHA)) {
        BufferedImage left = shot("model", part, width);
        BufferedImage right = shot("reference", part, width);
        BufferedImage both = new BufferedImage(left.getWidth() + 16 + right.getWidth(),
            Math.max(left.getHeight(), right.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(java.awt.Color.GRAY);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, left.getWidth() + 16, 0, null);
        g.dispose();
        Path file = BrowserTest.SCREENSHOTS.resolve("model-beside-reference-" + part + "-"
            + width + ".png");
        ImageIO.write(both, "png", file.toFile());
        assertThat(both.getWidth()).isEqualTo(2 * width + 16);
      }
    }
    cdp("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** The top of the day's page, or one commit's section, as the browser paints it. */
  private BufferedImage shot(String site, String part, int width) throws IOException {
    open(site);
    double top = 0;
    double height = 1300;
    if (!part.equals("top")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> box = (Map<String, Object>) js("const s = [...commitSection("
          + "arguments[0])]; const a = document.getElementById(arguments[0])"
          + ".getBoundingClientRect(); const b = s[s.length - 1].getBoundingClientRect();"
          + "return {top: a.top + window.scrollY - 8, bottom: b.bottom + window.scrollY + 8};",
          part);
      top = ((Number) box.get("top")).doubleValue();
      height = Math.min(((Number) box.get("bottom")).doubleValue() - top, 8000);
    }
    ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done());");
    Map<String, Object> shot = cdp("Page.captureScreenshot", Map.of("format", "png",
        "captureBeyondViewport", true, "fromSurface", true,
        "clip", Map.of("x", 0, "y", top, "width", width, "height", height, "scale", 1)));
    return ImageIO.read(new ByteArrayInputStream(
        Base64.getDecoder().decode((String) shot.get("data"))));
  }

  /** The labels of the commit's sections, in the order the page shows them. */
  @SuppressWarnings("unchecked")
  private List<String> sections(String site) {
    open(site);
    return (List<String>) js("return [...commitSection(arguments[0])]"
        + ".flatMap(e => e.matches('p') ? [...e.querySelectorAll(':scope > strong')] : [])"
        + ".map(s => s.textContent).filter(t => /^\\p{Extended_Pictographic}/u.test(t));", SHA);
  }

  private void open(String site) {
    driver().get(base + site + "/" + DAY_PAGE);
    // The elements from a commit's heading to the rule that ends its section.
    js("window.commitSection = sha => { const out = [];"
        + " for (let e = document.getElementById(sha).nextElementSibling;"
        + " e && !e.matches('hr, h3, h4'); e = e.nextElementSibling) out.push(e); return out; };");
  }

  private ChromeDriver driver() {
    return browser.driver();
  }

  private Object js(String script, Object... args) {
    return driver().executeScript(script, args);
  }

  private Map<String, Object> cdp(String command, Map<String, ?> params) {
    return driver().executeCdpCommand(command, new HashMap<String, Object>(params));
  }

  /**
   * An answer shaped like the reference's analysis: every dimension, two titled risks and
   * recommendations, a conclusion, naming only the commit's first file; high for a large change.
   * The day's summary as the stand-in writes it.
   */
  static FakeLlm.Response answer(FakeLlm.Request request) {
    if (request.isDaySummary()) {
      return FakeLlm.goodDaySummary(request);
    }
    var commit = request.commit();
    String file = commit.path("files").path(0).path("path").asText();
    String title = commit.path("message").asText().lines().findFirst().orElse("");
    int added = commit.path("stats").path("additions").asInt();
    boolean docs = StreamSupport.stream(commit.path("files").spliterator(), false)
        .allMatch(f -> f.path("path").asText().startsWith("docs/"));
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("severity", added >= 500 ? "high" : docs ? "low" : "medium");
    a.put("types", List.of("feature"));
    a.put("severity_reason", "改动规模为 " + added + " 行新增。");
    a.put("summary", "本次提交：" + title + "。主要改动位于 `" + file + "`。");
    a.put("impact", List.of("`" + file + "`"));
    a.put("insights", List.of(
        Map.of("dimension", "architecture", "text", "调整了 `" + file + "` 所在模块的结构。"),
        Map.of("dimension", "performance", "text", "对吞吐的影响需要基准验证。"),
        Map.of("dimension", "security", "text", "不涉及外部输入。"),
        Map.of("dimension", "maintainability", "text", "代码更集中，便于维护。"),
        Map.of("dimension", "deployment", "text", "无需改动部署配置。")));
    a.put("risks", List.of(Map.of("title", "行为变化", "details", "调用方可能依赖旧行为。"),
        Map.of("title", "测试覆盖", "details", "新增路径的测试可能不足。")));
    a.put("recommendations", List.of(Map.of("title", "运行基准", "details", "升级前对比吞吐。"),
        Map.of("title", "关注 CI", "details", "留意相关测试是否稳定。")));
    a.put("conclusion", "值得关注的改动。");
    return FakeLlm.Response.answer(a);
  }
}
