package dev.daybook.cli;

import dev.daybook.archive.ArchiveReader;
import dev.daybook.report.Problem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code daybook check}: reads every report and lists what is wrong. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Parse every report in the archive and list each problem as file:line: what."
        + " Exits 1 when there is any.")
final class CheckCommand implements Callable<Integer>, Daybook.ContextAware {

  @Mixin
  ArchiveOptions archive;

  private final Daybook.Context context;

  CheckCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    ArchiveReader.Archive result = new ArchiveReader(archive.content(), archive.config().zone())
        .read();
    for (Problem p : result.problems()) {
      context.out().println(p);
    }
    String summary = result.files() + " reports, " + result.commits() + " commits, "
        + result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems");
    (result.problems().isEmpty() ? context.out() : context.err()).println(summary);
    return result.problems().isEmpty() ? 0 : 1;
  }
}
