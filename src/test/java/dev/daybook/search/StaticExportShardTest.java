package dev.daybook.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every query word looks up its {@code author:} term (a name finds its commits): that term is in
 * the shard of the first term of the name, which the word loads for its own terms anyway.
 */
class StaticExportShardTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"author:alison | alison", "author:alison shao | alison",
      "author:james | jame", "author:陈一涵 | 陈一", "author:赵晨阳 | 赵晨"})
  void anAuthorTermGoesWithTheFirstTermOfTheName(String key, String firstTerm) {
    for (int shards = 1; shards <= StaticExport.MAX_SHARDS; shards *= 2) {
      assertThat(StaticExport.shard(key, shards)).as("%s of %d", key, shards)
          .isEqualTo(StaticExport.shard(firstTerm, shards));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"author:!!!", "path:a/b", "sha:f798", "alison"})
  void otherKeysGoByTheirOwnHash(String key) {
    // An author: term whose name has no term (punctuation) keeps its own hash, as others do.
    assertThat(StaticExport.shard(key, 4096)).isEqualTo(fnv(key) % 4096);
  }

  /** FNV-1a of the UTF-8 bytes, as search.js computes it. */
  private static long fnv(String key) {
    long h = 0x811c9dc5L;
    for (byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h = (h * 0x01000193L) & 0xffffffffL;
    }
    return h;
  }
}
