package dev.daybook.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SiteFigures} on a small site whose every figure is worked out by hand. */
class SiteFiguresTest {

  @Test
  void figuresOfAKnownTree(@TempDir Path tmp) throws Exception {
    Path site = tmp.resolve("site");
    file(site, "index.html", 100);
    file(site, "search/meta.json", 300);
    file(site, "search/terms-0.json", 200);
    file(site, "search/terms-1.json", 200);
    file(site, "reports/2020/01/2020-01-01.html", 1000);
    file(site, "weekly/2020-W01/index.html", 150);
    file(site, "weekly/feed.xml", 50);
    file(site, "repos/o/n/index.html", 20);
    file(site, "repos/o/n/monthly/2020-01/index.html", 80);
    Path content = tmp.resolve("content");
    file(content, "reports/2020/01/2020-01-01.md", 640);

    Map<String, Object> m = SiteFigures.of(site, 7, content,
        Map.of("pages", 400.0, "digests", 12.5));

    // 9 files, 100 + 700 + 1000 + 200 + 100 = 2,100 bytes; 7 commits.
    assertThat(m).containsEntry("files", 9L).containsEntry("bytes", 2100L)
        .containsEntry("commits", 7L);
    assertThat((double) m.get("bytesPerCommit")).isEqualTo(300.0);
    assertThat((double) m.get("filesPerCommit")).isCloseTo(9.0 / 7, within(1e-12));
    // reports/ has the most bytes (1,000 of 2,100), search/ the most files (3 of 9).
    assertThat(part(m, "largestFolderByBytes")).containsEntry("folder", "reports/")
        .containsEntry("files", 1L).containsEntry("bytes", 1000L)
        .containsEntry("shareOfBytes", 1000.0 / 2100);
    assertThat(part(m, "largestFolderByFiles")).containsEntry("folder", "search/")
        .containsEntry("files", 3L).containsEntry("bytes", 700L)
        .containsEntry("shareOfFiles", 3.0 / 9);
    assertThat(part(m, "folders")).containsOnlyKeys(".", "reports/", "repos/", "search/",
        "weekly/");
    assertThat(part(part(m, "folders"), "repos/")).containsEntry("files", 2L)
        .containsEntry("bytes", 100L);
    assertThat(part(m, "fullestDirectory")).containsEntry("directory", "search/")
        .containsEntry("files", 3L);
    assertThat(part(m, "largestFile")).containsEntry("path", "reports/2020/01/2020-01-01.html")
        .containsEntry("bytes", 1000L);
    assertThat(part(m, "search")).containsEntry("files", 3L).containsEntry("bytes", 700L)
        .containsEntry("shareOfBytes", 700.0 / 2100);
    // The digests: weekly/ (2 files, 200 bytes) and the repository's monthly/ (1 file, 80).
    assertThat(part(m, "digests")).containsEntry("files", 3L).containsEntry("bytes", 280L)
        .containsEntry("shareOfFiles", 3.0 / 9).containsEntry("ms", 12.5)
        .containsEntry("pagesMs", 400.0);
    assertThat(part(m, "githubPages")).containsEntry("siteFits", true)
        .containsEntry("siteLimitBytes", 1_000_000_000L)
        .containsEntry("commitsAtSiteLimit", 3_333_333L) // 10^9 / 300
        .containsEntry("largestFileFits", true).containsEntry("fileLimitBytes", 104_857_600L)
        .containsEntry("archiveBytes", 640L).containsEntry("archiveFits", true)
        .containsEntry("fits", true);

    StringWriter printed = new StringWriter();
    SiteFigures.print(m, new PrintWriter(printed, true));
    assertThat(printed.toString()).contains("per commit 300 bytes and 1.286 files (7 commits)",
        "largest folder by bytes: reports/", "by files: search/ 3 files (33.3%)",
        "digests (weekly/, monthly/, each repository's)", "made in 0.01 s of thread time",
        "site 0.0 MB of 1 GB fits");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static void file(Path root, String path, int bytes) throws IOException {
    Path f = root.resolve(path);
    Files.createDirectories(f.getParent());
    Files.write(f, new byte[bytes]);
  }
}
