package dev.daybook.report;

import java.util.List;
import java.util.stream.Collectors;

/** A report could not be read or written; the message lists each problem as file:line: what. */
public class ReportException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ReportException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
