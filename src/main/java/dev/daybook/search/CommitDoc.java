package dev.daybook.search;

import dev.daybook.model.Analysis;
import dev.daybook.model.ChangeType;
import dev.daybook.model.DailyReport;
import dev.daybook.model.Items;
import dev.daybook.model.RepoSection;
import dev.daybook.model.ReportedCommit;
import dev.daybook.report.Anchors;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One commit as the search index sees it: the filter values, the title, the report's text about it
 * as plain text, the file paths the report names, and where it is on the site.
 *
 * @param date the report's day
 * @param url the commit's place on the site, relative to the site root:
 *     {@code reports/2026/02/2026-02-06.html#3d68bd9}
 * @param body the report's text for the commit, in this order: summary, impact, insights, risks,
 *     recommendations, each as plain text, separated by a space
 * @param shown what results show a snippet of ({@link Snippet#of}): the body as shown ({@link
 *     PlainText.Texts#shown}), at most {@link Snippet#SOURCE_LIMIT} characters ({@link
 *     Snippet#source}); stored for display, where the body is only indexed
 * @param paths the file paths named in code spans of the impact section, in order, once each
 */
public record CommitDoc(String repo, String sha, LocalDate date, Instant time, String severity,
    List<String> types, String author, String title, String body, String shown,
    List<String> paths, String url) {

  /** Where a commit of a report lives on the site. */
  @FunctionalInterface
  public interface ReportUrls {
    /** The site-relative URL of the commit with this anchor in the report of this day. */
    String of(LocalDate date, String anchor);
  }

  /** Oldest first, then by repository and SHA: a stable order for lists of documents. */
  static final Comparator<CommitDoc> ORDER = Comparator.comparing(CommitDoc::time)
      .thenComparing(CommitDoc::repo).thenComparing(CommitDoc::sha);

  public CommitDoc {
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(time, "time");
    types = List.copyOf(types);
    paths = List.copyOf(paths);
  }

  public String id() {
    return repo + "@" + sha;
  }

  public String shortSha() {
    return sha.substring(0, 7);
  }

  /** The documents of some reports, in {@link #ORDER}. */
  public static List<CommitDoc> of(List<DailyReport> reports, ReportUrls urls) {
    List<CommitDoc> docs = new ArrayList<>();
    for (DailyReport report : reports) {
      Anchors anchors = Anchors.of(report);
      for (RepoSection section : report.sections()) {
        for (ReportedCommit c : section.commits()) {
          docs.add(of(report.date(), section, c, urls.of(report.date(),
              anchors.of(section.repo(), c))));
        }
      }
    }
    docs.sort(ORDER);
    return docs;
  }

  static CommitDoc of(LocalDate date, RepoSection section, ReportedCommit c, String url) {
    Analysis a = c.analysis();
    // Each section read once for its text, its text as shown and (the impact's) paths.
    List<PlainText.Texts> texts = new ArrayList<>();
    texts.add(PlainText.texts(a.summary()));
    PlainText.Texts impact = PlainText.texts(a.impact());
    texts.add(impact);
    for (Items<?> items : List.of(a.insights(), a.risks(), a.recommendations())) {
      items.sources().forEach(source -> texts.add(PlainText.texts(source)));
    }
    String body = joined(texts.stream().map(PlainText.Texts::text));
    String shown = Snippet.source(joined(texts.stream().map(PlainText.Texts::shown)));
    List<String> paths = List.copyOf(new LinkedHashSet<>(impact.paths()));
    return new CommitDoc(section.repo().toString(), c.sha(), date, c.time(), c.severity().key(),
        a.types().stream().map(ChangeType::key).toList(), c.author(), c.title(), body, shown,
        paths, url);
  }

  /** Texts separated by a space, the empty ones left out. */
  private static String joined(Stream<String> texts) {
    return String.join(" ", texts.filter(s -> !s.isEmpty()).toList());
  }
}
