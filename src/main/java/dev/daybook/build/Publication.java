package dev.daybook.build;

import dev.daybook.io.AtomicFiles;
import dev.daybook.io.FileErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what a build staged, all or nothing: its files into the site, its caches into {@code
 * .daybook/}, and the deletion of the files and folders the site no longer has. Each file moves
 * by an atomic rename, so a reader never sees half a file; this class makes the many renames one
 * step.
 *
 * <p>Before the first rename the plan is written to the journal ({@link BuildCache#journal}), and
 * a file that is replaced or deleted is first kept in the work folder ({@code undo/}: a second
 * name for it, or a copy where the file system has no links). Each step can then be done, or
 * undone, again from what is on disk, whatever moment it was stopped at:
 *
 * <ul>
 *   <li>a step that fails (a folder that cannot be written, a full disk) has every step undone:
 *       the site and the caches are exactly as they were, and the build fails saying so;
 *   <li>a build killed on the way leaves the journal, and the next build, before anything else,
 *       does the steps again ({@link #finishLast}): the site is the killed build's, whole.
 * </ul>
 *
 * <p>The journal and the staged files are not forced to disk: this guards against a build that
 * is killed or fails, not against the machine losing power.
 */
final class Publication {

  /**
   * What a publish does, as the journal holds it.
   *
   * @param written site paths of the files to move into the site
   * @param deleted site paths of the files the site no longer has
   * @param folders site paths of the folders left empty by the deletions, deepest first
   * @param caches names of the cache files in {@code .daybook/} to replace
   */
  record Plan(List<String> written, List<String> deleted, List<String> folders,
      List<String> caches) {
    /** The journal's first entry: a journal of another format is not taken for one. */
    private static final String FORMAT = "daybook publish journal 1";

    Plan {
      written = List.copyOf(written);
      deleted = List.copyOf(deleted);
      folders = List.copyOf(folders);
      caches = List.copyOf(caches);
    }

    /**
     * The journal's bytes: the JDK's length-prefixed strings, which hold any path as it is (a
     * JSON library would cost a build more time to load than the whole publish takes).
     */
    byte[] bytes() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeUTF(FORMAT);
        for (List<String> list : List.of(written, deleted, folders, caches)) {
          out.writeInt(list.size());
          for (String s : list) {
            out.writeUTF(s);
          }
        }
      }
      return bytes.toByteArray();
    }

    /** The plan a journal holds, or null when it holds none this version can read. */
    static Plan read(byte[] journal) {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(journal))) {
        if (!in.readUTF().equals(FORMAT)) {
          return null;
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          int n = in.readInt();
          List<String> list = new ArrayList<>();
          for (int j = 0; j < n; j++) {
            list.add(in.readUTF());
          }
          lists.add(list);
        }
        return new Plan(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
      } catch (IOException e) {
        return null; // cut short or not a journal
      }
    }
  }

  /**
   * A test hook, off unless this system property is set to a number N: after its N-th move a
   * publish says so on standard error and waits for a line on standard input, so that a test
   * can kill the build, or start another one, at that moment ({@code PublishingTest}).
   */
  static final String PAUSE_AFTER = "daybook.test.publish.pause-after";

  private final Path live;
  private final BuildCache cache;
  /** Folders of the site this publish created, undone with it. */
  private final List<Path> created = new ArrayList<>();

  /** @param live the published site */
  Publication(Path live, BuildCache cache) {
    this.live = live;
    this.cache = cache;
  }

  /** Where the build stages a file of the site. */
  Path staged(String path) {
    return cache.work().resolve("site").resolve(path);
  }

  /** Where the build stages a cache file. */
  Path stagedCache(String name) {
    return cache.work().resolve("cache").resolve(name);
  }

  /** Publishes what is staged; when it fails, everything is as it was. */
  void publish(Plan plan) throws IOException {
    AtomicFiles.replaceCache(cache.journal(), plan.bytes());
    apply(plan);
  }

  /**
   * Finishes the publish of a build that was killed on the way, if there is one. Done before
   * anything else a build does, so every build starts from a whole site.
   */
  void finishLast() throws IOException {
    Path journal = cache.journal();
    if (!Files.exists(journal)) {
      return;
    }
    Plan plan = Plan.read(Files.readAllBytes(journal));
    if (plan == null || !Files.isDirectory(cache.work())) {
      // The publish cannot be finished (its work folder was deleted by hand?). The site's record
      // no longer says what it holds: without it this build compares every file it makes.
      AtomicFiles.deleteTree(cache.entries().resolve(BuildCache.SITE));
      Files.delete(journal);
      return;
    }
    apply(plan);
  }

  private void apply(Plan plan) throws IOException {
    List<Step> steps = steps(plan);
    int pauseAfter = Integer.getInteger(PAUSE_AFTER, -1);
    int moves = 0;
    try {
      for (Step step : steps) {
        step.forward();
        if (step instanceof Move && ++moves == pauseAfter) {
          pause(moves);
        }
      }
    } catch (IOException | RuntimeException e) {
      undo(steps, e);
      Files.delete(cache.journal());
      throw new IOException("cannot publish " + live + ": " + FileErrors.describe(e)
          + "; the site is as it was", e);
    }
    Files.delete(cache.journal());
  }

  /** Undoes every step, last first; if that fails too, the next build finishes the publish. */
  private void undo(List<Step> steps, Exception cause) throws IOException {
    try {
      for (int i = steps.size() - 1; i >= 0; i--) {
        steps.get(i).backward();
      }
      for (int i = created.size() - 1; i >= 0; i--) {
        deleteEmptyFolders(created.get(i));
      }
    } catch (IOException | RuntimeException also) {
      also.addSuppressed(cause);
      throw new IOException("cannot publish " + live + ": " + FileErrors.describe(cause)
          + ", nor undo it: " + FileErrors.describe(also)
          + "; the next build finishes publishing", also);
    }
  }

  private List<Step> steps(Plan plan) {
    Path undoSite = cache.work().resolve("undo/site");
    Path undoCache = cache.work().resolve("undo/cache");
    List<Step> steps = new ArrayList<>();
    for (String path : plan.written()) {
      steps.add(new Move(staged(path), live.resolve(path), undoSite.resolve(path)));
    }
    for (String path : plan.deleted()) {
      steps.add(new Move(live.resolve(path), undoSite.resolve(path), null));
    }
    for (String name : plan.caches()) {
      steps.add(new Move(stagedCache(name), cache.dir().resolve(name), undoCache.resolve(name)));
    }
    for (String folder : plan.folders()) {
      steps.add(new EmptyFolder(live.resolve(folder)));
    }
    return steps;
  }

  /** A step of a publish: done or undone from whatever state it was left in. */
  private interface Step {
    void forward() throws IOException;

    void backward() throws IOException;
  }

  /**
   * A file moved from {@code from} to {@code to}; the file it replaces is kept at {@code undo}
   * (null for a deletion, which moves the file into the work folder). It is in one of four
   * states: not begun; the replaced file kept; moved; moved back, the replaced file still kept.
   */
  private final class Move implements Step {
    private final Path from;
    private final Path to;
    private final Path undo;

    Move(Path from, Path to, Path undo) {
      this.from = from;
      this.to = to;
      this.undo = undo;
    }

    @Override
    public void forward() throws IOException {
      if (!exists(from)) {
        return; // moved already
      }
      if (undo != null && exists(to) && !exists(undo)) {
        Files.createDirectories(undo.getParent());
        keep(to, undo);
      }
      createParent(to);
      try {
        AtomicFiles.moveIntoPlace(from, to);
      } catch (FileSystemException e) {
        // Named by where it goes: the staged file's name in the work folder says nothing.
        throw (IOException) new FileSystemException(to.toString(), null, FileErrors.reason(e))
            .initCause(e);
      }
    }

    @Override
    public void backward() throws IOException {
      if (!exists(from) && exists(to)) {
        Files.createDirectories(from.getParent());
        AtomicFiles.moveIntoPlace(to, from);
      }
      if (undo != null && exists(undo)) {
        if (exists(to)) {
          Files.delete(undo); // never moved: undo is a second name of the file still in place
        } else {
          Files.createDirectories(to.getParent());
          AtomicFiles.moveIntoPlace(undo, to);
        }
      }
    }

    /** Creates the target's folder if needed, noting the first one made, to undo it. */
    private void createParent(Path file) throws IOException {
      Path missing = null;
      for (Path p = file.getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
        missing = p;
      }
      if (missing != null) {
        Files.createDirectories(file.getParent());
        if (missing.startsWith(live)) {
          created.add(missing);
        }
      }
    }
  }

  /** A folder of the site that its deletions left empty. */
  private record EmptyFolder(Path folder) implements Step {
    @Override
    public void forward() throws IOException {
      try {
        Files.deleteIfExists(folder);
      } catch (DirectoryNotEmptyException e) {
        // something else was put there meanwhile: not this build's to delete
      }
    }

    @Override
    public void backward() throws IOException {
      Files.createDirectories(folder);
    }
  }

  /** Keeps a second name for a file that is about to be replaced; a copy where links fail. */
  private static void keep(Path file, Path undo) throws IOException {
    try {
      Files.createLink(undo, file);
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.copy(file, undo, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  /** Deletes a folder and the folders in it, if they hold no file. */
  private static void deleteEmptyFolders(Path folder) throws IOException {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var entries = Files.list(folder)) {
      for (Path entry : entries.toList()) {
        deleteEmptyFolders(entry);
      }
    }
    try {
      Files.delete(folder);
    } catch (DirectoryNotEmptyException e) {
      // holds a file: kept
    }
  }

  private static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static void pause(int moves) throws IOException {
    System.err.println("daybook: paused after " + moves + " moves (" + PAUSE_AFTER + ")");
    System.err.flush();
    System.in.read(); // a line, or the end of input
  }
}
