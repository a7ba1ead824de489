package dev.daybook.analysis.llm;

import java.util.List;

/**
 * The one seam between the analyzer and the network: send a conversation, get the model's answer.
 * Implementations repeat what can be repeated (timeouts, rate limits, server errors) and fail with
 * an {@link LlmFailure} whose message is safe to publish.
 */
@FunctionalInterface
interface ChatEndpoint {

  /** One message of a conversation. */
  record Message(String role, String content) {}

  /** The model's answer: its text and why it stopped ({@code stop}, {@code length}, ...). */
  record Reply(String content, String finishReason) {

    /** The model stopped at its token limit: the answer is cut off. */
    boolean truncated() {
      return "length".equals(finishReason);
    }
  }

  Reply complete(List<Message> messages) throws LlmFailure;
}
