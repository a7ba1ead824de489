/**
 * How a commit is judged: {@link dev.daybook.analysis.CommitAnalyzer} gives each commit its
 * severity, change types and prose. {@code analysis.rules} does it offline; {@code analysis.llm}
 * asks a model and falls back to the rules.
 */
package dev.daybook.analysis;
