package dev.daybook.analysis.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.daybook.io.AtomicFiles;
import dev.daybook.io.Sha256;
import dev.daybook.model.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Model answers kept in the repository, one JSON file per commit SHA + model + prompt version +
 * language, so that generating a day again sends no request. A file holds the schema-checked but
 * still raw answer; fact checks and escaping run again on every read, so a fix to them applies to
 * cached answers too. Only usable answers are kept: a failure is asked again next run.
 *
 * <p>Files are written atomically (temporary file, then a move) with sorted keys, two-space
 * indentation and a final newline, so the same answer always gives the same bytes.
 */
final class AnswerCache {

  /** What an answer is keyed by. */
  record Key(String sha, String model, String promptVersion, Language language) {
    Key {
      Objects.requireNonNull(sha, "sha");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(promptVersion, "promptVersion");
      Objects.requireNonNull(language, "language");
    }

    /** {@code <sha>-<language>-<12 hex of SHA-256(model, prompt version)>.json}. */
    String fileName() {
      String hash = Sha256.hex((model + "\n" + promptVersion).getBytes(StandardCharsets.UTF_8));
      return sha + "-" + language.key() + "-" + hash.substring(0, 12) + ".json";
    }

    Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      m.put("commit", sha);
      m.put("language", language.key());
      m.put("model", model);
      m.put("prompt_version", promptVersion);
      return m;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Path dir;

  AnswerCache(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  Path file(Key key) {
    return dir.resolve(key.fileName());
  }

  /**
   * The cached answer, or empty when there is none or the file is not one we wrote for this key
   * (unreadable, edited, another key); such a file is replaced by the next answer.
   */
  Optional<Answer> read(Key key) throws IOException {
    String text;
    try {
      text = Files.readString(file(key), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()
        || !JSON.valueToTree(key.toJson()).equals(root.path("key"))) {
      return Optional.empty();
    }
    return Answer.fromJson(root.path("answer"));
  }

  void write(Key key, Answer answer) throws IOException {
    Map<String, Object> root = new TreeMap<>();
    root.put("key", key.toJson());
    root.put("answer", answer.toJson());
    String text = JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    AtomicFiles.replaceCache(file(key), text.getBytes(StandardCharsets.UTF_8));
  }
}
