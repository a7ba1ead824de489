/**
 * The archive's data: commits as a source delivers them, the analysis of each, and the daily report
 * that holds both. Records and enums only; this package does no I/O and depends on the JDK alone.
 */
package dev.daybook.model;
