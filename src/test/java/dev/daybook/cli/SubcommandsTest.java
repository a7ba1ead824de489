package dev.daybook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line has the subcommand the arguments name, or all of them for anything else. */
class SubcommandsTest {

  private static final String[] ALL = {"generate", "import", "check", "build", "serve",
      "search", "index"};

  private static Iterable<String> subcommands(String... args) {
    Daybook.Context context = new Daybook.Context(new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), Clock.systemUTC());
    return Daybook.commandLine(context, args).getSubcommands().keySet();
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneRead() {
    assertThat(subcommands("build", "--out", "site")).containsExactly("build");
    assertThat(subcommands("search", "cache")).containsExactly("search");
  }

  @Test
  void helpVersionAndAMistypedNameSeeEverySubcommand() {
    assertThat(subcommands()).containsExactly(ALL);
    assertThat(subcommands("--help")).containsExactly(ALL);
    assertThat(subcommands("--version")).containsExactly(ALL);
    assertThat(subcommands("buidl")).containsExactly(ALL);
  }

  @Test
  void theHelpListsEverySubcommandAndAMistypedNameIsMatched() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Daybook.Context context = new Daybook.Context(new PrintWriter(out, true),
        new PrintWriter(err, true), Map.of(), Clock.systemUTC());
    assertThat(Daybook.commandLine(context, new String[] {"--help"}).execute("--help"))
        .isZero();
    for (String name : ALL) {
      assertThat(out.toString()).containsPattern("(?m)^  " + name + " ");
    }
    assertThat(Daybook.commandLine(context, new String[] {"buidl"}).execute("buidl"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Did you mean: daybook build?");
  }
}
