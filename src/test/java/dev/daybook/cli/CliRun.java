package dev.daybook.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** Runs the command line in-process and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(Map<String, String> env, Clock clock, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Daybook.Context context = new Daybook.Context(new PrintWriter(out, true),
        new PrintWriter(err, true), env, clock);
    int code = Daybook.commandLine(context).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  public static CliRun run(String... args) {
    return run(Map.of(), Clock.systemUTC(), args);
  }
}
