package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageManifestTest {

  @TempDir
  Path dir;

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A published site with the given files, each of its path's length in bytes. */
  private SiteOutput site(String... paths) throws Exception {
    Path live = dir.resolve("site");
    for (String path : paths) {
      Path file = live.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, path);
    }
    return new SiteOutput(live, BuildCache.of(live));
  }

  private static PageManifest made(String... pathsAndKeys) {
    PageManifest m = PageManifest.load(null);
    for (int i = 0; i < pathsAndKeys.length; i += 2) {
      m.made(pathsAndKeys[i], pathsAndKeys[i + 1], pathsAndKeys[i].length());
    }
    return m;
  }

  @Test
  void whatABuildMadeComesBackSortedAndTheNextBuildKeepsItUnderTheSameKey() throws Exception {
    byte[] bytes = made("b/2.html", "k2", "a.html", "k1").bytes();

    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(PageManifest.FORMAT + "\n"
        + "a.html\tk1\t6\nb/2.html\tk2\t8\n");
    PageManifest next = PageManifest.load(ByteBuffer.wrap(bytes));
    SiteOutput site = site("a.html", "b/2.html");
    assertThat(next.madeUnder("a.html", "k1")).isTrue();
    assertThat(next.madeUnder("a.html", "k2")).isFalse();
    assertThat(next.madeUnder("c.html", "k1")).isFalse();
    assertThat(next.keep(site, "a.html", "other")).isFalse();
    assertThat(next.keep(site, "a.html", "k1")).isTrue();
    assertThat(new String(next.bytes(), StandardCharsets.UTF_8)).isEqualTo(PageManifest.FORMAT
        + "\na.html\tk1\t6\n");
  }

  @Test
  void aFolderIsKeptWholeAndOnlyItsOwnFiles() throws Exception {
    PageManifest last = PageManifest.load(ByteBuffer.wrap(made("s/2020-01/a.json", "p",
        "s/2020-01/big/b.json", "p", "s/2020-010/c.json", "q", "s/meta.json", "m").bytes()));
    SiteOutput site = site("s/2020-01/a.json", "s/2020-01/big/b.json", "s/2020-010/c.json",
        "s/meta.json");

    assertThat(last.keepAll(site, "s/2020-02/", null)).as("no file there").isFalse();
    assertThat(last.keepAll(site, "s/2020-01/", "other")).isFalse();
    assertThat(last.keepAll(site, "s/2020-01/", "p")).isTrue();
    // 2020-010/ is another folder, not part of 2020-01/.
    assertThat(new String(last.bytes(), StandardCharsets.UTF_8)).isEqualTo(PageManifest.FORMAT
        + "\ns/2020-01/a.json\tp\t16\ns/2020-01/big/b.json\tp\t20\n");
  }

  @Test
  void aFolderWhoseFileChangedSizeIsNotKept() throws Exception {
    PageManifest last = PageManifest.load(ByteBuffer.wrap(made("d/a.json", "p", "d/b.json", "p")
        .bytes()));
    SiteOutput site = site("d/a.json", "d/b.json");
    Files.writeString(dir.resolve("site/d/b.json"), "longer than it was");

    assertThat(last.keepAll(site, "d/", "p")).isFalse();
  }

  @Test
  void bytesThatAreNotAManifestAsABuildWritesItAreAnEmptyOne() {
    for (String text : new String[] {"", "daybook-pages-0\na\tk\t1\n",
        PageManifest.FORMAT + "\nb\tk\t1\na\tk\t1\n", // not sorted
        PageManifest.FORMAT + "\na\tk\t1\na\tk\t1\n", // twice
        PageManifest.FORMAT + "\na\tk\n", PageManifest.FORMAT + "\na\tk\tx\n",
        PageManifest.FORMAT + "\na\tk\t1"}) {
      PageManifest m = PageManifest.load(text(text));
      assertThat(m.madeUnder("a", "k")).as(text).isFalse();
      assertThat(m.madeUnder("b", "k")).as(text).isFalse();
    }
    assertThat(PageManifest.load(text(PageManifest.FORMAT + "\na\tk\t1\n")).madeUnder("a", "k"))
        .isTrue();
  }
}
