package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedFileTest {

  private static final byte[] JSON =
      "{\"k1\":1.2,\"words\":{\"修复\":[\"bugfix\"]},\"parts\":[]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void aFileIsPublishedAsGzipUnderItsNameAndGz() throws IOException {
    assertThat(PublishedFile.name("2024-12/docs/0/docs-7.json"))
        .isEqualTo("2024-12/docs/0/docs-7.json.gz");
    byte[] published = PublishedFile.compress(JSON);
    // The magic number search.js looks for, then deflate; no time in the header (bytes 4 to 7),
    // so the same JSON gives the same bytes on any day.
    assertThat(published[0]).isEqualTo((byte) 0x1f);
    assertThat(published[1]).isEqualTo((byte) 0x8b);
    assertThat(published[2]).isEqualTo((byte) 8);
    assertThat(Arrays.copyOfRange(published, 4, 8)).containsOnly(0);
    assertThat(PublishedFile.compress(JSON)).isEqualTo(published);
  }

  @Test
  void readingInflatesWhatWasPublished(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(PublishedFile.name("meta.json"));
    Files.write(file, PublishedFile.compress(JSON));
    try (InputStream in = PublishedFile.open(file)) {
      assertThat(in.readAllBytes()).isEqualTo(JSON);
    }
    assertThat(PublishedFile.readJson(file).path("words").path("修复").get(0).asText())
        .isEqualTo("bugfix");
  }

  @Test
  void aCutFileIsNamed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("terms-3.json.gz");
    byte[] published = PublishedFile.compress(JSON);
    Files.write(file, Arrays.copyOf(published, published.length / 2));
    assertThatThrownBy(() -> PublishedFile.readJson(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": ");
    Files.write(file, PublishedFile.compress("{\"k1\":".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> PublishedFile.readJson(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": ");
  }

  @Test
  void aFileThatIsNotGzipIsNamed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("meta.json.gz");
    Files.write(file, JSON);
    assertThatThrownBy(() -> PublishedFile.open(file).close())
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": not a gzip file");
  }
}
