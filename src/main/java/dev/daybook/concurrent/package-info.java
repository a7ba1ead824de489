/** Running a build's independent steps on every core. JDK only; any package may use it. */
package dev.daybook.concurrent;
