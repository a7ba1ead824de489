package dev.daybook.cli;

import dev.daybook.io.FileErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: its subcommands do the work. */
@Command(
    name = "daybook",
    mixinStandardHelpOptions = true,
    versionProvider = Daybook.Version.class,
    description = "Turns the commit history of the GitHub repositories you follow into a daily"
        + " report archive, and bakes it into a static site.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:failed (the message says why)", "2:usage error"})
public final class Daybook implements Runnable {

  /**
   * What commands may see of the outside world: output streams, environment, clock. Tests pass
   * their own.
   */
  public record Context(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
      boolean terminal) {
    /** A context that is not a terminal (tests, pipes). */
    public Context(PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock) {
      this(out, err, env, clock, false);
    }

    /** Names the environment's variables, never their values: some are secrets. */
    @Override
    public String toString() {
      return "Context[env=" + new java.util.TreeSet<>(env.keySet()) + ", clock=" + clock
          + ", terminal=" + terminal + "]";
    }

    public static Context system() {
      return new Context(new PrintWriter(System.out, true), new PrintWriter(System.err, true),
          System.getenv(), Clock.systemUTC(), System.console() != null);
    }
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(GenerateCommand.class,
      ImportCommand.class, CheckCommand.class, BuildCommand.class, ServeCommand.class,
      SearchCommand.class, IndexCommand.class);

  /** The command line with every subcommand. */
  public static CommandLine commandLine(Context context) {
    return commandLine(context, new String[0]);
  }

  /**
   * The command line for these arguments, wired to a context (picocli's factory hands it to the
   * subcommands): with only the subcommand they name, when they name one, as picocli reads each
   * subcommand's options when it is added (a new day's build starts sooner); with every
   * subcommand otherwise (the help, the version, a mistyped name).
   */
  public static CommandLine commandLine(Context context, String[] args) {
    ContextFactory factory = new ContextFactory(context);
    CommandLine cl = new CommandLine(new Daybook(), factory);
    List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> args.length > 0
        && c.getAnnotation(Command.class).name().equals(args[0])).toList();
    for (Class<?> sub : named.isEmpty() ? SUBCOMMANDS : named) {
      cl.addSubcommand(new CommandLine(sub, factory));
    }
    cl.setOut(context.out());
    cl.setErr(context.err());
    cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      if (isExpected(ex)) {
        cmd.getErr().println("daybook: " + message(ex));
      } else {
        // A bug: keep the type and the trace for the report.
        cmd.getErr().println("daybook: internal error, please report it:");
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cl;
  }

  /**
   * Failures whose message is written for the user: bad input, I/O (a folder {@code Files.walk}
   * could not read too), GitHub, reports, site.
   */
  public static boolean isExpected(Exception ex) {
    return ex.getMessage() != null && (ex instanceof java.io.IOException
        || ex instanceof java.io.UncheckedIOException
        || ex instanceof IllegalArgumentException
        || ex instanceof dev.daybook.source.SourceException
        || ex instanceof dev.daybook.report.ReportException
        || ex instanceof dev.daybook.site.SiteException);
  }

  /**
   * The one line that says what failed: an expected failure's message, a file error with its
   * reason ({@code content/about.md: permission denied}, not the bare path the JDK gives).
   */
  public static String message(Exception ex) {
    return FileErrors.describe(ex);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Creates command objects, giving those that want it the context. */
  private record ContextFactory(Context context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      if (ContextAware.class.isAssignableFrom(cls)) {
        return cls.getDeclaredConstructor(Context.class).newInstance(context);
      }
      return CommandLine.defaultFactory().create(cls);
    }
  }

  /** Marks a command that is built with the {@link Context}. */
  interface ContextAware {}

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Daybook.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"daybook " + p.getProperty("version", "unknown")};
    }
  }
}
