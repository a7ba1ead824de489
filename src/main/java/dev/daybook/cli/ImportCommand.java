package dev.daybook.cli;

import dev.daybook.archive.DailyGenerator.Outcome;
import dev.daybook.archive.Importer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code daybook import}: brings existing reports into the archive. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Bring existing daily reports (such as the reference report) into the archive,"
        + " at content/reports/YYYY/MM/YYYY-MM-DD.md, in the archive's format with their text"
        + " kept.")
final class ImportCommand implements Callable<Integer>, Daybook.ContextAware {

  @Mixin
  ArchiveOptions archive;

  @Option(names = "--force", description = "Replace a report that is already in the archive.")
  boolean force;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Report files to import.")
  List<Path> files;

  private final Daybook.Context context;

  ImportCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    Importer importer = new Importer(archive.store(), archive.config().zone());
    for (Path file : files) {
      Importer.Result r = importer.importFile(file, force);
      if (r.outcome() == Outcome.KEPT) {
        context.err().println("kept " + r.target() + " (already in the archive; --force replaces"
            + " it)");
        continue;
      }
      context.out().println((r.outcome() == Outcome.REPLACED ? "replaced " : "imported ")
          + r.source() + " -> " + r.target() + " (" + Summaries.counts(r.report()) + ")");
      if (r.markedIncomplete() > 0) {
        context.out().println("  marked " + r.markedIncomplete()
            + " analysis as incomplete: its text ends mid-sentence");
      }
    }
    return 0;
  }
}
