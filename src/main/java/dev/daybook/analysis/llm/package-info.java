/**
 * The LLM analyzer: an OpenAI-compatible chat-completions endpoint behind one seam
 * ({@code ChatEndpoint}, over {@code java.net.http}), a fixed prompt whose user message is only
 * data, a strict reading of the JSON answer ({@code Answer}), a fact check of every path, SHA and
 * URL it mentions ({@code FactCheck}), escaping ({@code SafeProse}), a cache in the repository
 * ({@code AnswerCache}) and a visible fallback to the rules. A repository's day is summed up by
 * one more request ({@code DayPrompt}, {@code DayAnswer}, {@code DayComposer}) under the same
 * checks.
 * {@link dev.daybook.analysis.llm.LlmAnalyzer} is the entry point.
 */
package dev.daybook.analysis.llm;
