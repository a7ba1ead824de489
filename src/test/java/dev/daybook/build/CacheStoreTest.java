package dev.daybook.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {

  @TempDir
  Path dir;

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aKeyNamesTheStageItsVersionAndEveryInputInOrder() {
    String key = CacheStore.key("report", "v1", "a", "bc");

    assertThat(key).matches("[0-9a-f]{64}");
    assertThat(CacheStore.key("report", "v1", "a", "bc")).isEqualTo(key);
    assertThat(CacheStore.key("report", "v2", "a", "bc")).isNotEqualTo(key);
    assertThat(CacheStore.key("search", "v1", "a", "bc")).isNotEqualTo(key);
    assertThat(CacheStore.key("report", "v1", "bc", "a")).isNotEqualTo(key);
    assertThat(CacheStore.key("report", "v1", "ab", "c")).isNotEqualTo(key); // length-prefixed
  }

  @Test
  void anEntryComesBackAsWrittenInItsStagesFolder() throws Exception {
    CacheStore store = new CacheStore(dir);
    String key = CacheStore.key("report", "v1", "x");

    store.put("report", key, utf8("value"));

    assertThat(new CacheStore(dir).get("report", key))
        .isEqualTo(ByteBuffer.wrap(utf8("value")));
    assertThat(Files.readAllBytes(dir.resolve("report").resolve(key)))
        .isEqualTo(CacheStore.framed(utf8("value"))).hasSize(5 + 4);
    assertThat(new CacheStore(dir).get("report", CacheStore.key("report", "v1", "y"))).isNull();
    assertThat(new CacheStore(dir).get("search", key)).isNull();
  }

  /** A torn or damaged entry reads as missing, and a put writes it anew. */
  @Test
  void aTornOrDamagedEntryIsMissing() throws Exception {
    CacheStore store = new CacheStore(dir);
    String torn = CacheStore.key("s", "v", "torn");
    String damaged = CacheStore.key("s", "v", "damaged");
    store.put("s", torn, utf8("a long enough value"));
    store.put("s", damaged, utf8("a long enough value"));
    Path tornFile = dir.resolve("s").resolve(torn);
    byte[] bytes = Files.readAllBytes(tornFile);
    Files.write(tornFile, Arrays.copyOf(bytes, bytes.length - 1));
    Path damagedFile = dir.resolve("s").resolve(damaged);
    bytes = Files.readAllBytes(damagedFile);
    bytes[3] ^= 0x20;
    Files.write(damagedFile, bytes);
    Files.write(dir.resolve("s").resolve(CacheStore.key("s", "v", "empty")), new byte[0]);

    CacheStore again = new CacheStore(dir);
    assertThat(again.get("s", torn)).isNull();
    assertThat(again.get("s", damaged)).isNull();
    assertThat(again.get("s", CacheStore.key("s", "v", "empty"))).isNull();

    again.put("s", damaged, utf8("made again"));
    assertThat(new CacheStore(dir).get("s", damaged))
        .isEqualTo(ByteBuffer.wrap(utf8("made again")));
  }

  /** A sweep deletes what this build did not ask for, in its stage only. */
  @Test
  void aSweepKeepsWhatTheBuildReadWroteOrKept() throws Exception {
    CacheStore first = new CacheStore(dir);
    for (String name : new String[] {"read", "written", "kept", "unused"}) {
      first.put("s", CacheStore.key("s", "v", name), utf8(name));
    }
    first.put("other", CacheStore.key("o", "v", "x"), utf8("x"));

    CacheStore next = new CacheStore(dir);
    assertThat(next.get("s", CacheStore.key("s", "v", "read")))
        .isEqualTo(ByteBuffer.wrap(utf8("read")));
    next.put("s", CacheStore.key("s", "v", "written"), utf8("new"));
    next.keep("s", CacheStore.key("s", "v", "kept"));
    next.sweep("s");
    next.sweep("no such stage");

    try (Stream<Path> left = Files.list(dir.resolve("s"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          CacheStore.key("s", "v", "read"), CacheStore.key("s", "v", "written"),
          CacheStore.key("s", "v", "kept"));
    }
    assertThat(new CacheStore(dir).get("other", CacheStore.key("o", "v", "x")))
        .isEqualTo(ByteBuffer.wrap(utf8("x")));
  }
}
