package dev.daybook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

  static LlmSettings read(String text) throws Exception {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return LlmSettings.from(p, "site.properties");
  }

  @Test
  void defaultsNeedOnlyAModel() throws Exception {
    LlmSettings s = read("llm.model=m\n");
    assertThat(s).isEqualTo(new LlmSettings(URI.create("https://api.openai.com/v1"), "m",
        "DAYBOOK_LLM_API_KEY", 12_000, 2_048, 60, 4, 3, 300, true, "content/.cache/llm"));
  }

  @Test
  void everyKeyIsRead() throws Exception {
    LlmSettings s = read("llm.base-url=http://127.0.0.1:8000/v1\nllm.model=qwen\n"
        + "llm.api-key-env=MY_KEY\nllm.max-patch-chars=500\nllm.max-tokens=100\n"
        + "llm.timeout-seconds=5\nllm.concurrency=2\nllm.max-retries=0\n"
        + "llm.max-total-wait-seconds=30\nllm.json-mode=false\n"
        + "llm.cache-dir=.cache/answers\n");
    assertThat(s).isEqualTo(new LlmSettings(URI.create("http://127.0.0.1:8000/v1"), "qwen",
        "MY_KEY", 500, 100, 5, 2, 0, 30, false, ".cache/answers"));
  }

  @Test
  void aBadValueNamesTheFileTheKeyAndTheValue() {
    assertThatThrownBy(() -> read("llm.base-url=ftp://x\n"))
        .hasMessage("site.properties: llm.base-url: 'ftp://x' is not valid (expected an http or"
            + " https URL)");
    // A key pasted where its variable's name belongs is not echoed.
    assertThatThrownBy(() -> read("llm.api-key-env=sk-proj-Abc123secret\n"))
        .hasMessageContaining("llm.api-key-env must be the name of an environment variable")
        .message().doesNotContain("Abc123secret");
    assertThatThrownBy(() -> read("llm.api-key-env=abc123XYZsecret\n"))
        .message().doesNotContain("abc123XYZsecret");
    assertThatThrownBy(() -> read("llm.concurrency=0\n"))
        .hasMessageContaining("llm.concurrency: '0' is not valid (expected a whole number from 1");
    assertThatThrownBy(() -> read("llm.json-mode=yes\n"))
        .hasMessageContaining("llm.json-mode: 'yes' is not valid (expected true or false)");
  }
}
