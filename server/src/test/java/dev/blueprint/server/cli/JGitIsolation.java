package dev.blueprint.server.cli;

import java.io.File;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Points JGit's user, system and JGit configs at files under a test folder, so commands run
 * in-process never read the developer's {@code ~/.gitconfig}.
 */
final class JGitIsolation extends SystemReader.Delegate {
  private final Path home;

  private JGitIsolation(SystemReader base, Path home) {
    super(base);
    this.home = home;
  }

  static void apply(Path home) {
    if (SystemReader.getInstance() instanceof JGitIsolation) {
      SystemReader.setInstance(null); // back to JGit's default reader
    }
    SystemReader.setInstance(new JGitIsolation(SystemReader.getInstance(), home));
  }

  @Override
  public FileBasedConfig openUserConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, new File(home.toFile(), "gitconfig"), fs);
  }

  @Override
  public FileBasedConfig openSystemConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, new File(home.toFile(), "no-system-gitconfig"), fs);
  }

  @Override
  public FileBasedConfig openJGitConfig(Config parent, FS fs) {
    return new FileBasedConfig(parent, new File(home.toFile(), "jgitconfig"), fs);
  }
}
