package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link checker itself, on small hand-made sites: it must see each kind of broken link. */
class LinkCheckerTest {

  @TempDir
  Path site;

  private void page(String path, String body) throws IOException {
    Path file = site.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<!DOCTYPE html><html><head><title>t</title></head><body>" + body
        + "</body></html>");
  }

  private LinkChecker.Result check(String basePath) throws IOException {
    return new LinkChecker(site, basePath, Set.of("404.html")).check();
  }

  @Test
  void relativeFileFolderAndFragmentLinksThatExistPass() throws IOException {
    page("index.html", "<h1 id='top'>x</h1><a href='reports/2026/a.html#c1'>a</a>"
        + "<a href='repos/x/'>x</a><a href='#top'>top</a><a href='./'>home</a><a href='#'>n</a>"
        + "<a href=''>self</a><link rel=stylesheet href='css/s.css'>");
    page("reports/2026/a.html", "<h4 id='c1'>c</h4><a href='../../'>home</a>"
        + "<a href='../../index.html#top'>top</a><a href='b.html?x=1#c2'>b</a>"
        + "<a name='legacy'></a><a href='#legacy'>l</a>");
    page("reports/2026/b.html", "<p id='c2'>c</p>");
    page("repos/x/index.html", "<a href='../../reports/2026/a.html'>a</a>");
    Files.createDirectories(site.resolve("css"));
    Files.writeString(site.resolve("css/s.css"), "body{}");

    LinkChecker.Result r = check("/");

    assertThat(r.broken()).isEmpty();
    assertThat(r.pages()).hasSize(4);
    assertThat(r.internal()).isEqualTo(12);
  }

  /**
   * Under a {@code <base>}, links start where it leads, as in a browser: a bare {@code #id} then
   * names the base's page, not the page it is written in.
   */
  @Test
  void linksUnderABaseStartFromItAndABareFragmentNamesTheBasesPage() throws IOException {
    Path file = site.resolve("severity/low/page/2/index.html");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "<!DOCTYPE html><html><head><base href='../../../../'>"
        + "<title>t</title></head><body id='top'><p id='d1'>d</p>"
        + "<a href='reports/a.html#c1'>ok</a><a href='severity/low/page/2/#top'>self</a>"
        + "<a href='../../reports/a.html'>as if no base</a><a href='#d1'>bare</a></body></html>");
    page("reports/a.html", "<h4 id='c1'>c</h4>");
    page("index.html", "<h1 id='home'>x</h1>");

    LinkChecker.Result r = check("/");

    assertThat(r.broken()).extracting(LinkChecker.Broken::link)
        .containsExactly("../../reports/a.html", "#d1");
    assertThat(r.internal()).as("the base's own href, and two links").isEqualTo(3);
  }

  @Test
  void missingFileMissingIndexAndMissingFragmentAreBroken() throws IOException {
    page("index.html", "<h1 id='top'>x</h1><a href='gone.html'>1</a><a href='empty/'>2</a>"
        + "<a href='sub'>3</a><a href='sub/page.html#nope'>4</a><a href='#missing'>5</a>"
        + "<img src='img/x.png'>");
    Files.createDirectories(site.resolve("empty"));
    page("sub/page.html", "<p id='yes'>y</p>");

    LinkChecker.Result r = check("/");

    assertThat(r.broken()).extracting(LinkChecker.Broken::link).containsExactly("gone.html",
        "empty/", "sub", "sub/page.html#nope", "#missing", "img/x.png");
  }

  @Test
  void scriptAndDataLinksAreBrokenHoweverTheyAreSpelledAndWebLinksAreCollected()
      throws IOException {
    page("index.html", "<a href='javascript:alert(1)'>1</a><a href=' JaVaScRiPt:alert(1)'>2</a>"
        + "<a href='java&#9;script:alert(1)'>3</a><a href='&#1;javascript:x'>4</a>"
        + "<img src='data:image/png;base64,AAAA'><iframe src='vbscript:x'></iframe>"
        + "<form action='javascript:x'></form><a href='ftp://example.com/'>5</a>"
        + "<a href='https://github.com/x'>w</a><a href='mailto:a@b.c'>m</a>"
        + "<a href='//cdn.example.com/x.js'>p</a>");

    LinkChecker.Result r = check("/");

    assertThat(r.broken()).hasSize(8);
    assertThat(r.broken()).extracting(LinkChecker.Broken::why)
        .filteredOn(w -> w.startsWith("is a javascript: link")).hasSize(5);
    assertThat(r.external()).containsExactly("//cdn.example.com/x.js", "https://github.com/x",
        "mailto:a@b.c");
  }

  @Test
  void rootAbsoluteLinksAreBrokenExceptOnThePageServedAtAnyDepthWhereTheyNeedTheBasePath()
      throws IOException {
    page("index.html", "<a href='/project/about.html'>abs</a>");
    page("about.html", "<h1 id='a'>a</h1>");
    page("404.html", "<a href='/project/'>home</a><a href='/project/about.html#a'>ok</a>"
        + "<a href='/about.html'>outside</a><a href='about.html'>relative</a>"
        + "<a href='/project/about.html#b'>frag</a><a href='#main'>skip</a><main id='main'></main>");

    LinkChecker.Result r = check("/project/");

    assertThat(r.broken()).extracting(b -> b.page() + " " + b.link()).containsExactly(
        "404.html /about.html", "404.html about.html", "404.html /project/about.html#b",
        "index.html /project/about.html");
  }

  @Test
  void linksOutOfTheSiteAndDuplicateIdsAreReported() throws IOException {
    page("index.html", "<a href='../outside.html'>up</a><p id='d'></p><p id='d'></p>");

    LinkChecker.Result r = check("/");

    assertThat(r.broken()).extracting(LinkChecker.Broken::why)
        .allMatch(w -> w.startsWith("leads out of the site"));
    assertThat(r.broken()).hasSize(1);
    assertThat(r.duplicateIds()).containsExactly("index.html#d");
  }
}
