package dev.daybook.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code daybook generate}: writes the reports of one day or a range of days. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write the daily report of each day from the GitHub commits of the followed"
        + " repositories.")
final class GenerateCommand implements Callable<Integer>, Daybook.ContextAware {

  private final Daybook.Context context;

  GenerateCommand(Daybook.Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("daybook: generate is not wired yet");
    return 1;
  }
}
