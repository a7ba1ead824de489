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
 * language (and per day summary: the data it was written from + model + prompt version +
 * language), so that generating a day again sends no request. A file holds the schema-checked but
 * still raw answer; fact checks and escaping run again on every read, so a fix to them applies to
 * cached answers too. Only usable answers are kept: a failure is asked again next run.
 *
 * <p>Files are written atomically (temporary file, then a move) with sorted keys, two-space
 * indentation and a final newline, so the same answer always gives the same bytes.
 */
final class AnswerCache {

  /** What a cached answer is keyed by: its file's name and the key written inside it. */
  sealed interface Keyed permits Key, DayKey {
    String fileName();

    Map<String, Object> toJson();
  }

  /** What a commit's answer is keyed by. */
  record Key(String sha, String model, String promptVersion, Language language) implements Keyed {
    Key {
      Objects.requireNonNull(sha, "sha");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(promptVersion, "promptVersion");
      Objects.requireNonNull(language, "language");
    }

    /** {@code <sha>-<language>-<12 hex of SHA-256(model, prompt version)>.json}. */
    @Override
    public String fileName() {
      return sha + "-" + language.key() + "-" + modelHash(model, promptVersion) + ".json";
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      m.put("commit", sha);
      m.put("language", language.key());
      m.put("model", model);
      m.put("prompt_version", promptVersion);
      return m;
    }
  }

  /**
   * What a day summary's answer is keyed by: the SHA-256 of the data sent (the day's commits and
   * their analyses), so a day whose analyses changed is asked again.
   */
  record DayKey(String dataSha256, String model, String promptVersion, Language language)
      implements Keyed {
    DayKey {
      Objects.requireNonNull(dataSha256, "dataSha256");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(promptVersion, "promptVersion");
      Objects.requireNonNull(language, "language");
    }

    /** {@code day-<24 hex of the data's SHA-256>-<language>-<12 hex>.json}. */
    @Override
    public String fileName() {
      return "day-" + dataSha256.substring(0, 24) + "-" + language.key() + "-"
          + modelHash(model, promptVersion) + ".json";
    }

    @Override
    public Map<String, Object> toJson() {
      Map<String, Object> m = new TreeMap<>();
      m.put("day_data", dataSha256);
      m.put("language", language.key());
      m.put("model", model);
      m.put("prompt_version", promptVersion);
      return m;
    }
  }

  private static String modelHash(String model, String promptVersion) {
    return Sha256.hex((model + "\n" + promptVersion).getBytes(StandardCharsets.UTF_8))
        .substring(0, 12);
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Path dir;

  AnswerCache(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  Path file(Keyed key) {
    return dir.resolve(key.fileName());
  }

  /**
   * The cached answer, or empty when there is none or the file is not one we wrote for this key
   * (unreadable, edited, another key); such a file is replaced by the next answer.
   */
  Optional<Answer> read(Key key) throws IOException {
    return stored(key).flatMap(Answer::fromJson);
  }

  /** The cached day summary answer, as {@link #read(Key)}. */
  Optional<DayAnswer> read(DayKey key) throws IOException {
    return stored(key).flatMap(DayAnswer::fromJson);
  }

  void write(Key key, Answer answer) throws IOException {
    store(key, answer.toJson());
  }

  void write(DayKey key, DayAnswer answer) throws IOException {
    store(key, answer.toJson());
  }

  private Optional<JsonNode> stored(Keyed key) throws IOException {
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
    return Optional.of(root.path("answer"));
  }

  private void store(Keyed key, Map<String, Object> answer) throws IOException {
    Map<String, Object> root = new TreeMap<>();
    root.put("key", key.toJson());
    root.put("answer", answer);
    String text = JSON.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    AtomicFiles.replaceCache(file(key), text.getBytes(StandardCharsets.UTF_8));
  }
}
