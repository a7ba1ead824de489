/** Writing files so that a reader never sees half of one. JDK only; any package may use it. */
package dev.daybook.io;
