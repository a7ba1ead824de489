/**
 * {@code daybook bench}: synthetic archives of N days and R repositories
 * ({@link dev.daybook.bench.ArchiveSynthesizer}), each build measured in a fresh JVM
 * ({@link dev.daybook.bench.BenchChild}), stock JBake as the reference
 * ({@link dev.daybook.bench.StockJBake}), the search's and the site's figures
 * ({@link dev.daybook.bench.SearchFigures}, {@link dev.daybook.bench.SiteFigures}), figures as a
 * table and JSON ({@link dev.daybook.bench.Benchmark}).
 */
package dev.daybook.bench;
