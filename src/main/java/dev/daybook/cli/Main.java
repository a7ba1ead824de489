package dev.daybook.cli;

/** The {@code daybook} program. Only this class ends the process. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(Daybook.commandLine(Daybook.Context.system(), args).execute(args));
  }
}
