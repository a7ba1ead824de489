package dev.daybook.config;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code llm.*} settings of {@code site.properties}, read by {@code --analyzer llm}. They sit
 * beside {@link SiteConfig} (same file, same checks) so that the rest of the site needs none of
 * them. The API key itself is never a setting: {@code apiKeyEnv} names the environment variable
 * that holds it.
 *
 * @param baseUrl an OpenAI-compatible API base; requests go to {@code baseUrl + /chat/completions}
 * @param model the model name sent with each request; part of the cache key
 * @param apiKeyEnv the environment variable holding the API key
 * @param maxPatchChars how many characters of diff one request carries at most
 * @param maxTokens the answer's token limit sent as {@code max_tokens}
 * @param timeoutSeconds how long one HTTP request may take
 * @param concurrency how many requests may be in flight at once
 * @param maxRetries how many times a request is repeated after a timeout, a 429 or a 5xx
 * @param maxTotalWaitSeconds how long the retries of one run may wait in all; then failed requests
 *     are no longer retried
 * @param jsonMode whether to ask for {@code response_format: json_object} (some servers refuse it)
 * @param cacheDir where answers are kept, relative paths against the folder of site.properties
 */
public record LlmSettings(
    URI baseUrl,
    String model,
    String apiKeyEnv,
    int maxPatchChars,
    int maxTokens,
    int timeoutSeconds,
    int concurrency,
    int maxRetries,
    int maxTotalWaitSeconds,
    boolean jsonMode,
    String cacheDir) {

  public static final URI DEFAULT_BASE_URL = URI.create("https://api.openai.com/v1");
  public static final String DEFAULT_API_KEY_ENV = "DAYBOOK_LLM_API_KEY";
  public static final String DEFAULT_CACHE_DIR = "content/.cache/llm";

  // Upper case, as environment variable names are by convention: a value that is not one may be
  // a key pasted by mistake, so it is never echoed.
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

  public LlmSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(apiKeyEnv, "apiKeyEnv");
    Objects.requireNonNull(cacheDir, "cacheDir");
  }

  /** The settings used when {@code site.properties} says nothing about the model. */
  public static LlmSettings defaults() {
    return new LlmSettings(DEFAULT_BASE_URL, "", DEFAULT_API_KEY_ENV, 12_000, 2_048, 60, 4, 3,
        300, true, DEFAULT_CACHE_DIR);
  }

  /** Loads the {@code llm.*} keys of a file; a missing file gives the defaults. */
  public static LlmSettings load(Path file) throws IOException {
    return from(SiteConfig.read(file), file.toString());
  }

  /** Reads the {@code llm.*} keys; {@code source} names the properties in error messages. */
  public static LlmSettings from(Properties p, String source) {
    LlmSettings d = defaults();
    URI baseUrl = SiteConfig.parseHttpUrl(source, "llm.base-url",
        p.getProperty("llm.base-url", d.baseUrl().toString()).strip());
    String model = p.getProperty("llm.model", d.model()).strip();
    String apiKeyEnv = p.getProperty("llm.api-key-env", d.apiKeyEnv()).strip();
    if (!ENV_NAME.matcher(apiKeyEnv).matches()) {
      throw new IllegalArgumentException(source + ": llm.api-key-env must be the name of an"
          + " environment variable (upper-case letters, digits, _), not the key itself; the value"
          + " is not shown");
    }
    int maxPatchChars = parseInt(source, p, "llm.max-patch-chars", d.maxPatchChars(), 0, 1_000_000);
    int maxTokens = parseInt(source, p, "llm.max-tokens", d.maxTokens(), 64, 1_000_000);
    int timeout = parseInt(source, p, "llm.timeout-seconds", d.timeoutSeconds(), 1, 3_600);
    int concurrency = parseInt(source, p, "llm.concurrency", d.concurrency(), 1, 64);
    int maxRetries = parseInt(source, p, "llm.max-retries", d.maxRetries(), 0, 10);
    int maxTotalWait = parseInt(source, p, "llm.max-total-wait-seconds",
        d.maxTotalWaitSeconds(), 0, 86_400);
    String jsonText = p.getProperty("llm.json-mode", String.valueOf(d.jsonMode()))
        .strip().toLowerCase(Locale.ROOT);
    if (!jsonText.equals("true") && !jsonText.equals("false")) {
      throw bad(source, "llm.json-mode", jsonText, "true or false");
    }
    String cacheDir = p.getProperty("llm.cache-dir", d.cacheDir()).strip();
    if (cacheDir.isEmpty()) {
      throw bad(source, "llm.cache-dir", cacheDir, "a folder");
    }
    return new LlmSettings(baseUrl, model, apiKeyEnv, maxPatchChars, maxTokens, timeout,
        concurrency, maxRetries, maxTotalWait, Boolean.parseBoolean(jsonText), cacheDir);
  }

  private static int parseInt(String source, Properties p, String key, int fallback, int min,
      int max) {
    return SiteConfig.parseInt(source, key, p.getProperty(key, String.valueOf(fallback)), min,
        max);
  }

  private static IllegalArgumentException bad(
      String source, String key, String value, String expected) {
    return SiteConfig.bad(source, key, value, expected);
  }
}
