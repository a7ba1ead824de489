package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A search index damaged on disk (a disk, a copy or a person broke it) is found out: {@code
 * search} says so in one line instead of failing inside Lucene, and the next {@code build} says
 * so and writes a new one, never calling the damaged index current.
 */
class DamagedIndexTest {

  /** Ways an index folder gets damaged, each done to the real files Lucene wrote. */
  enum Damage {
    /** A segment file cut short, like a copy interrupted. */
    TRUNCATED_SEGMENT_FILE(".fdt") {
      @Override
      void apply(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          channel.truncate(channel.size() / 2);
        }
      }
    },
    /** Bytes changed inside a segment file, its length kept: only the checksum tells. */
    OVERWRITTEN_SEGMENT_BYTES(".tim") {
      @Override
      void apply(Path file) throws IOException {
        overwriteMiddle(file);
      }
    },
    /** A segment file gone. */
    DELETED_SEGMENT_FILE(".fdx") {
      @Override
      void apply(Path file) throws IOException {
        Files.delete(file);
      }
    },
    /** The commit point, which lists the segments, gone: the segment files are left. */
    DELETED_COMMIT("segments_") {
      @Override
      void apply(Path file) throws IOException {
        Files.delete(file);
      }
    },
    /** The commit point overwritten. */
    OVERWRITTEN_COMMIT("segments_") {
      @Override
      void apply(Path file) throws IOException {
        overwriteMiddle(file);
      }
    };

    /** A part of the name of the file damaged: its extension, or the commit's prefix. */
    final String namePart;

    Damage(String namePart) {
      this.namePart = namePart;
    }

    abstract void apply(Path file) throws IOException;

    static void overwriteMiddle(Path file) throws IOException {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        byte[] junk = new byte[8];
        Arrays.fill(junk, (byte) 0x5a);
        channel.write(ByteBuffer.wrap(junk), channel.size() / 2);
      }
    }
  }

  @TempDir
  Path dir;
  Path content;
  Path out;
  Path index;

  @BeforeEach
  void copyContent() throws IOException {
    content = dir.resolve("content");
    for (String day : BuildCommandTest.DAYS) {
      Path target = content.resolve("reports/2026/02/" + day + ".md");
      Files.createDirectories(target.getParent());
      Files.copy(BuildCommandTest.SHIPPED.resolve("reports/2026/02/" + day + ".md"), target);
    }
    out = dir.resolve("output");
    index = dir.resolve(".daybook/lucene");
  }

  CliRun build() {
    return CliRun.run("build", "--config=site.properties", "--content=" + content,
        "--out=" + out);
  }

  CliRun search(String query) {
    return CliRun.run("search", "--config=site.properties", "--content=" + content,
        "--index=" + index, query);
  }

  /** The first file of the index whose name holds {@code part}. */
  Path fileOfIndex(String part) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(f -> f.getFileName().toString().contains(part)).sorted().findFirst()
          .orElseThrow(() -> new AssertionError("no *" + part + "* in " + index));
    }
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void searchSaysTheIndexIsDamagedAndTheNextBuildRebuildsIt(Damage damage) throws IOException {
    assertThat(build().exitCode()).isZero();
    CliRun before = search("cache");
    assertThat(before.exitCode()).as(before.err()).isZero();
    Path damaged = fileOfIndex(damage.namePart);
    String name = damaged.getFileName().toString();
    damage.apply(damaged);

    CliRun searchDamaged = search("cache");
    CliRun rebuild = build();
    CliRun searchRebuilt = search("cache");
    CliRun again = build();

    assertThat(searchDamaged.exitCode()).as(searchDamaged.err()).isEqualTo(1);
    assertThat(searchDamaged.out()).isEmpty();
    assertThat(searchDamaged.err()).startsWith("daybook: the search index in " + index
        + " is damaged (").endsWith("): run `daybook build` to rebuild it\n")
        .containsOnlyOnce("\n");
    assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
    List<String> lines = new ArrayList<>(rebuild.out().lines().toList());
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("search index " + index + ": damaged (")
        .endsWith("), rebuilt");
    if (damage != Damage.DELETED_COMMIT) { // Lucene cannot know the name of a missing commit
      assertThat(searchDamaged.err()).contains(name);
      assertThat(lines.get(1)).contains(name);
    }
    assertThat(searchRebuilt.exitCode()).as(searchRebuilt.err()).isZero();
    assertThat(searchRebuilt.out()).isEqualTo(before.out());
    assertThat(again.out()).endsWith("search index " + index + ": current\n");
  }
}
