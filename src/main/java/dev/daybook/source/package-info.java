/**
 * Where commits come from: {@link dev.daybook.source.CommitSource} lists the commits of one
 * repository in one report day ({@link dev.daybook.source.DayWindow}); {@code source.github}
 * implements it over GitHub's REST API.
 */
package dev.daybook.source;
