/**
 * The {@code daybook} command line (picocli): one class per subcommand, each a thin layer that
 * reads options and settings and calls the archive, site or search packages.
 */
package dev.daybook.cli;
