package dev.daybook.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown pages at the top of content/ are baked beside the reports. */
class PagesBesideReportsTest {

  @TempDir
  Path dir;

  @Test
  void aPageOtherThanAboutIsBakedAndTheNavigationLinksNoMissingAboutPage() throws Exception {
    Path content = dir.resolve("content");
    Path report = content.resolve("reports/2026/02/2026-02-06.md");
    Files.createDirectories(report.getParent());
    Files.copy(Bakes.SHIPPED_CONTENT.resolve("reports/2026/02/2026-02-06.md"), report);
    Files.writeString(content.resolve("team.md"),
        "title=Team\ntype=page\nstatus=published\n~~~~~~\n\n# Team\n\nWho reads this.\n");
    Path out = dir.resolve("output");

    Bakes.bake(content, out, Bakes.ROOT);

    assertThat(Files.readString(out.resolve("team.html"))).contains("Who reads this.");
    assertThat(out.resolve("about.html")).doesNotExist();
    assertThat(Files.readString(out.resolve("index.html"))).doesNotContain("about.html");
  }
}
