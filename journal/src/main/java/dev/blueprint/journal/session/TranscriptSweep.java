package dev.blueprint.journal.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds Claude Code transcripts of a repository that have no journal: sessions whose SessionEnd
 * hook never ran because the client was killed.
 *
 * <p>Claude Code keeps each session's transcript at {@code <projects>/<cwd encoded>/<session
 * id>.jsonl}, where the working directory is encoded by replacing every character other than a
 * letter, digit or '-' with '-' ({@code /home/me/repo} becomes {@code -home-me-repo}).
 */
public final class TranscriptSweep {

  /** The folder name Claude Code uses for transcripts started in {@code workDir}. */
  public static String projectFolderName(Path workDir) {
    return workDir.toAbsolutePath().normalize().toString().replaceAll("[^A-Za-z0-9-]", "-");
  }

  /**
   * Transcripts of {@code repoRoot} under {@code projectsRoot} whose session id is not in {@code
   * journaled}, last modified before {@code settledBefore} (a live session's transcript is still
   * growing), sorted by name.
   */
  public List<Path> unjournaled(
      Path projectsRoot, Path repoRoot, Set<String> journaled, Instant settledBefore)
      throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path folder : candidateFolders(projectsRoot, repoRoot)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.jsonl")) {
        for (Path f : files) {
          String id = f.getFileName().toString().replaceFirst("\\.jsonl$", "");
          if (!journaled.contains(id)
              && Files.getLastModifiedTime(f).toInstant().isBefore(settledBefore)) {
            out.add(f);
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static List<Path> candidateFolders(Path projectsRoot, Path repoRoot) throws IOException {
    List<Path> folders = new ArrayList<>();
    Path plain = projectsRoot.resolve(projectFolderName(repoRoot));
    if (Files.isDirectory(plain)) {
      folders.add(plain);
    }
    // the repository may be reached through a symbolic link; Claude Code records the path it saw
    if (Files.exists(repoRoot)) {
      Path real = projectsRoot.resolve(projectFolderName(repoRoot.toRealPath()));
      if (Files.isDirectory(real) && !real.equals(plain)) {
        folders.add(real);
      }
    }
    return folders;
  }
}
