/**
 * The archive: the {@code content/} folder of daily reports, the one reader of it ({@link
 * dev.daybook.archive.ArchiveReader}, for check, build and serve), and the jobs that change it:
 * generating days from a commit source, importing existing reports.
 */
package dev.daybook.archive;
