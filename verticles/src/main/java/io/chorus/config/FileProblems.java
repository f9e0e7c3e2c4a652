package io.chorus.config;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Says in words why a configuration file could not be read. */
final class FileProblems {
  private FileProblems() {
  }

  static String describe(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoSuchFileException) {
        return "file does not exist";
      }
      if (cause instanceof AccessDeniedException) {
        return "file cannot be read (permission denied)";
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return "file cannot be read (" + root.getMessage() + ")";
  }
}
