/**
 * The archive: the {@code content/} folder of daily reports, and the jobs that change or read it as
 * a whole: generating days from a commit source, importing existing reports, checking every report.
 */
package dev.daybook.archive;
