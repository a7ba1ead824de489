/**
 * {@code daybook bench}: synthetic archives of N days ({@link dev.daybook.bench.ArchiveSynthesizer}),
 * each build measured in a fresh JVM ({@link dev.daybook.bench.BenchChild}), stock JBake as the
 * reference ({@link dev.daybook.bench.StockJBake}), figures as a table and JSON
 * ({@link dev.daybook.bench.Benchmark}).
 */
package dev.daybook.bench;
