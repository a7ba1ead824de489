/**
 * Writing files so that a reader never sees half of one, copies of folder trees, and SHA-256 of
 * bytes. JDK only; any package may use it.
 */
package dev.daybook.io;
