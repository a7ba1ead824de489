package dev.daybook.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words what went wrong with a file. The JDK's file errors carry the path as their whole
 * message ({@code AccessDeniedException: content/about.md}) and the reason in their type; a user
 * needs both on one line: {@code content/about.md: permission denied}.
 */
public final class FileErrors {

  private FileErrors() {}

  /** What went wrong, without the file: "permission denied", "no such file or folder", ... */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof NotDirectoryException) {
      return "not a folder";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "a folder that is not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "exists already";
    }
    if (e instanceof FileSystemLoopException) {
      return "a loop of links";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason(); // the system's words: "Read-only file system", "Too many levels..."
    }
    if (e instanceof FileSystemException) {
      return e.getClass().getSimpleName();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /**
   * One line for a failure: {@code file: reason} (or {@code file -> other: reason}) for a file
   * system error, else the exception's own message. An {@link UncheckedIOException} (which the
   * JDK's {@code Files.walk} throws for a folder it cannot read) is described by its cause.
   */
  public static String describe(Exception e) {
    if (e instanceof UncheckedIOException u) {
      return describe(u.getCause());
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": "
          + reason(f);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
