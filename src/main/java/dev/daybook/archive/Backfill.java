package dev.daybook.archive;

import dev.daybook.concurrent.Parallel;
import dev.daybook.model.Commit;
import dev.daybook.model.RepoId;
import dev.daybook.source.SourceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the reports of a range of days with a few workers fetching at once: each fetch is one
 * repository's commits of one day, taken in date order. The days are analyzed and written on the
 * calling thread, in date order, each as soon as all its repositories are in, so the reports are
 * the same bytes whichever worker finishes first, and a run that stops (a failure, a kill) leaves
 * every day before the stop written and none after it half written: the next run keeps those and
 * goes on from there.
 *
 * <p>The workers share whatever limits the source keeps (the GitHub source's one request
 * budget). Fetches run at most a few days ahead of the day being written, so fetched commits do
 * not pile up in memory while a slow analyzer works.
 */
public final class Backfill {

  /** Hears of the run as it goes, on the calling thread. */
  public interface Listener {

    /** Before the first fetch: how many days are to be written and how many are kept. */
    void planned(int toWrite, int kept);

    /** A day is done: written, replaced or kept. */
    void done(DailyGenerator.Result result);
  }

  private final DailyGenerator generator;
  private final int workers;

  /**
   * @param workers how many fetches may run at once, at least 1
   */
  public Backfill(DailyGenerator generator, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    this.generator = generator;
    this.workers = workers;
  }

  /**
   * Writes the days from {@code first} to {@code last}, inclusive.
   *
   * @param replace write even the days that have a report
   * @throws SourceException the first failure in date order; the days before it are written
   */
  public void run(LocalDate first, LocalDate last, boolean replace, Listener listener)
      throws SourceException, IOException {
    List<DailyGenerator.Plan> plans = new ArrayList<>();
    int toWrite = 0;
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      DailyGenerator.Plan plan = generator.plan(day, replace);
      plans.add(plan);
      toWrite += plan.write() ? 1 : 0;
    }
    listener.planned(toWrite, plans.size() - toWrite);
    ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
      Thread thread = new Thread(task, "daybook-fetch");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<LocalDate, List<Future<List<Commit>>>> fetches = new HashMap<>();
      int submitted = 0;
      for (int i = 0; i < plans.size(); i++) {
        // Keep the workers busy with the next few days, not with the whole range.
        for (; submitted < plans.size() && submitted <= i + workers; submitted++) {
          DailyGenerator.Plan plan = plans.get(submitted);
          if (plan.write()) {
            List<Future<List<Commit>>> day = new ArrayList<>();
            for (RepoId repo : generator.repos()) {
              day.add(pool.submit(() -> generator.fetch(plan.date(), repo)));
            }
            fetches.put(plan.date(), day);
          }
        }
        DailyGenerator.Plan plan = plans.get(i);
        if (!plan.write()) {
          listener.done(generator.kept(plan));
          continue;
        }
        List<List<Commit>> fetched = new ArrayList<>();
        for (Future<List<Commit>> fetch : fetches.remove(plan.date())) {
          fetched.add(result(fetch));
        }
        listener.done(generator.write(plan, fetched));
      }
    } finally {
      // After a failure the fetches still running are of no use: stop them, and return only
      // once they have stopped, so that no request of this run goes out after it ended.
      Parallel.stopAndWait(pool);
    }
  }

  /** A fetch's commits, or what it threw, as if it had run on this thread. */
  private static List<Commit> result(Future<List<Commit>> fetch)
      throws SourceException, IOException {
    try {
      return fetch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (IOException) new InterruptedIOException("interrupted").initCause(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SourceException source) {
        throw source;
      }
      // fetch throws nothing else
      throw new IllegalStateException(Parallel.rethrow(cause));
    }
  }
}
