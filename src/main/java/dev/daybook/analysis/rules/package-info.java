/**
 * The deterministic, offline analyzer: severity and change types from the commit title, the paths
 * touched and the size of the diff, with the reasons that fired, and prose that states only what
 * the data says. {@link dev.daybook.analysis.rules.RuleAnalyzer} is the entry point; the rules are
 * documented where they are decided ({@code TypeRules}, {@code SeverityRules}, {@code PathKind}) and
 * illustrated by {@code src/test/resources/analysis/classification-spec.md}.
 */
package dev.daybook.analysis.rules;
