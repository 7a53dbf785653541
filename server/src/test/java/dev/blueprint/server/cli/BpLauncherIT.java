package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bp} launcher script at the repository root with its AppCDS archive, run as a real
 * process on a copy of the layout it expects ({@code bp} next to {@code server/target/bp.jar}).
 */
class BpLauncherIT {
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Path layout() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.copy(Path.of("..", "bp"), root.resolve("bp"));
    root.resolve("bp").toFile().setExecutable(true);
    Path target = Files.createDirectories(root.resolve("server/target"));
    Files.copy(Path.of("target", "bp.jar"), target.resolve("bp.jar"));
    return root;
  }

  private Run bp(Path root, Map<String, String> env, String stdin, String... args)
      throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("bp").toString()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("BP_NO_CDS");
    pb.environment().putAll(env);
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static Optional<Path> archive(Path root) throws IOException {
    Path dir = root.resolve("server/target/cds");
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("bp-.*\\.jsa")).findFirst();
    }
  }

  private static Path awaitArchive(Path root, Optional<Path> other) throws Exception {
    // Training runs eight short JVMs and a dump: minutes on a loaded machine.
    for (int i = 0; i < 3000; i++) {
      Optional<Path> a = archive(root);
      if (a.isPresent()
          && !a.equals(other)
          && !Files.exists(root.resolve("server/target/cds/training.lock"))) {
        return a.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no archive trained under " + root);
  }

  /**
   * How many classes of the jar (not the JDK's, which the JVM's default archive holds anyway) the
   * JVM took from the archive in one {@code bp serve} session.
   */
  private long sharedClasses(Path root, Map<String, String> env) throws Exception {
    Path log = Files.createTempFile(tmp, "classes", ".log");
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("BP_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    Run serve =
        bp(root, all, INITIALIZE + "\n", "serve", "--repo", tmp.toString(), "--no-journal-sweep");
    assertThat(serve.exit()).as(serve.err()).isZero();
    // stdout carries the initialize reply and nothing else.
    assertThat(serve.out().lines().toList()).singleElement().asString().startsWith("{\"jsonrpc\"");
    assertThat(serve.out()).contains("\"id\":1", "\"name\":\"blueprint\"");
    return sharedJarClasses(log, "");
  }

  /** Classes of the jar whose names start with {@code prefix} that came from the archive. */
  private static long sharedJarClasses(Path classLoadLog, String prefix) throws IOException {
    try (Stream<String> lines = Files.lines(classLoadLog)) {
      return lines
          .filter(l -> l.contains("source: shared objects file"))
          .map(l -> l.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
          .filter(l -> !l.matches("^(java|javax|jdk|sun|com\\.sun)\\..*"))
          .filter(l -> l.startsWith(prefix))
          .count();
    }
  }

  /** A git repository made with the git CLI: own HOME and config, fixed author and dates. */
  private Path gitRepository() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve(".gitignore"), ".blueprint/\n");
    Files.writeString(repo.resolve("a.txt"), "one\ntwo\nthree\n");
    git(repo, "init", "-q", "-b", "main");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "Add a\n\nSession-Id: s1\nAgent: claude-code");
    Files.writeString(repo.resolve("a.txt"), "one\nthree\n");
    git(repo, "commit", "-q", "-am", "Trim a");
    return repo;
  }

  private Map<String, String> gitEnv() {
    return Map.of(
        "HOME", tmp.toString(),
        "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_CONFIG_GLOBAL", "/dev/null",
        "GIT_AUTHOR_NAME", "Test",
        "GIT_AUTHOR_EMAIL", "test@example.test",
        "GIT_COMMITTER_NAME", "Test",
        "GIT_COMMITTER_EMAIL", "test@example.test",
        "GIT_AUTHOR_DATE", "2026-03-01T10:00:00Z",
        "GIT_COMMITTER_DATE", "2026-03-01T10:00:00Z");
  }

  private void git(Path repo, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(gitEnv());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
  }

  @Test
  void firstRunTrainsAnArchiveInTheBackgroundAndLaterRunsLoadServeClassesFromIt() throws Exception {
    Path root = layout();
    Run first = bp(root, Map.of(), "", "--version");
    assertThat(first.exit()).isZero();
    assertThat(first.out()).matches("bp \\S+\n");
    Path jsa = awaitArchive(root, Optional.empty());
    String jarKey =
        Files.size(root.resolve("server/target/bp.jar"))
            + "-"
            + Files.getLastModifiedTime(root.resolve("server/target/bp.jar")).toMillis() / 1000;
    assertThat(jsa.getFileName().toString())
        .isEqualTo("bp-" + jarKey + "-" + Files.size(jsa) + ".jsa");

    assertThat(sharedClasses(root, Map.of())).isGreaterThan(1000);
    assertThat(sharedClasses(root, Map.of("BP_NO_CDS", "1"))).isZero();
  }

  @Test
  void oneArchiveAlsoCoversTheCommandLinePathsAndReportStdoutIsOnlyTheReport() throws Exception {
    Path root = layout();
    bp(root, Map.of(), "", "--version");
    awaitArchive(root, Optional.empty());
    Path repo = gitRepository();
    Map<String, String> env = new java.util.HashMap<>(gitEnv());

    Path reportLog = tmp.resolve("report-classes.log");
    env.put("BP_JAVA_OPTS", "-Xlog:class+load=info:file=" + reportLog);
    Run report = bp(root, env, "", "report", "--repo", repo.toString(), "--json");
    Path versionLog = tmp.resolve("version-classes.log");
    env.put("BP_JAVA_OPTS", "-Xlog:class+load=info:file=" + versionLog);
    Run version = bp(root, env, "", "--version");
    env.remove("BP_JAVA_OPTS");
    env.put("BP_NO_CDS", "1");
    Run plain = bp(root, env, "", "report", "--repo", repo.toString(), "--json");

    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.out()).startsWith("{").contains("\"schema_version\" : 1", "\"id\" : \"s1\"");
    assertThat(report.out()).isEqualTo(plain.out());
    assertThat(sharedJarClasses(reportLog, "dev.blueprint.journal.workrate.")).isGreaterThan(10);
    assertThat(sharedJarClasses(reportLog, "org.eclipse.jgit.")).isGreaterThan(100);
    // picocli is compiled for Java 5: only a static archive (from class lists) can hold it.
    assertThat(sharedJarClasses(reportLog, "picocli.")).isGreaterThan(50);
    assertThat(sharedJarClasses(reportLog, "ch.qos.logback.")).isGreaterThan(50);
    assertThat(version.out()).matches("bp \\S+\n");
    assertThat(sharedJarClasses(versionLog, "dev.blueprint.server.cli.")).isGreaterThan(10);
  }

  @Test
  void aChangedJarNeverUsesTheOldArchiveAndGetsItsOwn() throws Exception {
    Path root = layout();
    bp(root, Map.of(), "", "--version");
    Path old = awaitArchive(root, Optional.empty());
    Path jar = root.resolve("server/target/bp.jar");
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

    assertThat(sharedClasses(root, Map.of())).isZero();
    Path fresh = awaitArchive(root, Optional.of(old));
    assertThat(old).doesNotExist();
    assertThat(fresh.getFileName().toString()).isNotEqualTo(old.getFileName().toString());
    assertThat(sharedClasses(root, Map.of())).isGreaterThan(1000);
  }

  @Test
  void aDamagedArchiveIsNeverMappedAndStdoutStaysClean() throws Exception {
    Path root = layout();
    bp(root, Map.of(), "", "--version");
    Path jsa = awaitArchive(root, Optional.empty());
    Path cut = tmp.resolve("cut.jsa");
    try (var in = Files.newInputStream(jsa)) {
      Files.write(cut, in.readNBytes(100_000));
    }
    jsa.toFile().setWritable(true);
    Files.move(cut, jsa, StandardCopyOption.REPLACE_EXISTING);

    Run run = bp(root, Map.of(), "", "--version");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).matches("bp \\S+\n");
    // The launcher trains a sound archive in its place.
    for (int i = 0; i < 3000 && !sound(root); i++) {
      Thread.sleep(100);
    }
    assertThat(sound(root)).isTrue();
  }

  private static boolean sound(Path root) throws IOException {
    Optional<Path> a = archive(root);
    return a.isPresent()
        && !Files.exists(root.resolve("server/target/cds/training.lock"))
        && a.get().getFileName().toString().endsWith("-" + Files.size(a.get()) + ".jsa");
  }
}
