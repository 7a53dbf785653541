package dev.blueprint.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandIT {
  @TempDir Path tmp;
  private SystemReader original;
  private Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void buildRepository() throws Exception {
    isolateGitConfig();
    repo = tmp.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Instant t = Instant.parse("2026-03-02T10:00:00Z");
      commit(
          git,
          "a.txt",
          "one\ntwo\nthree\nfour\n",
          "Add a\n\nSession-Id: s1\nAgent: claude-code\nModel: opus-4.5",
          t);
      commit(git, "a.txt", "one\ntwo\n", "Trim a", t.plusSeconds(3 * 86_400));
      for (int i = 0; i < 10; i++) {
        commit(git, "b.txt", "b" + i + "\n", "Filler " + i, t.plusSeconds(4 * 86_400 + i));
      }
    }
  }

  @AfterEach
  void restoreGitConfig() {
    SystemReader.setInstance(original);
  }

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void printsMarkdownWithTheSessionRateAndCachesIt() {
    int code = run("report", "--repo", repo.toString());

    assertThat(code).isEqualTo(0);
    assertThat(out.toString())
        .startsWith("# Effective work rate\n")
        .contains("| s1 | 2026-03-02 | claude-code | opus-4.5 | 4 | 2 | 50.0% | partially used |");
    assertThat(repo.resolve(".blueprint/workrate.db")).exists();
  }

  @Test
  void jsonCarriesSchemaVersionAndHtmlIsWrittenWithCharts() throws Exception {
    Path html = tmp.resolve("report.html");

    int code = run("report", "--repo", repo.toString(), "--json", "--html", html.toString());

    assertThat(code).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    assertThat(json.get("sessions").get(0).get("lines_alive").asInt()).isEqualTo(2);
    assertThat(json.get("sessions").get(0).get("rate").asDouble()).isEqualTo(0.5);
    assertThat(Files.readString(html)).contains("<svg ").contains("<circle class=\"session");
  }

  @Test
  void sinceAfterEverySessionLeavesAnEmptyTableAndEmptyCharts() throws Exception {
    Path html = tmp.resolve("empty.html");

    int code =
        run(
            "report",
            "--repo",
            repo.toString(),
            "--since",
            "2026-04-01",
            "--html",
            html.toString());

    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("0 sessions").doesNotContain("| s1 |");
    assertThat(Files.readString(html)).contains("<svg ").doesNotContain("<circle");
  }

  @Test
  void badDateIsAUsageErrorOnOneLine() {
    int code = run("report", "--repo", repo.toString(), "--since", "yesterday");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "bp: --since: 'yesterday' is not a date like 2026-01-31\n"
                .replace("\n", System.lineSeparator()));
  }

  @Test
  void folderThatIsNotARepositoryIsAUsageError() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));

    int code = run("report", "--repo", plain.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("not inside a git work tree");
  }

  @Test
  void theLaunchersOwnEntryPointGivesTheSameOutputAndExitCodesAsBpReport() throws Exception {
    for (List<String> args :
        List.of(
            List.of("--repo", repo.toString()),
            List.of("--repo", repo.toString(), "--json", "--by", "day"),
            List.of("--repo", repo.toString(), "--since", "yesterday"),
            List.of("--repo", repo.toString(), "--no-such-option"),
            List.of("--help"))) {
      StringWriter viaMain = new StringWriter();
      StringWriter viaMainErr = new StringWriter();
      CommandLine main = Main.commandLine();
      main.setOut(new PrintWriter(viaMain, true));
      main.setErr(new PrintWriter(viaMainErr, true));
      List<String> withName = new java.util.ArrayList<>(List.of("report"));
      withName.addAll(args);
      int mainCode = main.execute(withName.toArray(String[]::new));

      StringWriter direct = new StringWriter();
      StringWriter directErr = new StringWriter();
      CommandLine standalone = ReportCommand.standalone();
      standalone.setOut(new PrintWriter(direct, true));
      standalone.setErr(new PrintWriter(directErr, true));
      int directCode = standalone.execute(args.toArray(String[]::new));

      assertThat(directCode).as("exit of %s", args).isEqualTo(mainCode);
      assertThat(direct.toString()).as("stdout of %s", args).isEqualTo(viaMain.toString());
      assertThat(directErr.toString()).as("stderr of %s", args).isEqualTo(viaMainErr.toString());
    }
  }

  @Test
  void runsFromASubfolderOfTheWorkTree() throws Exception {
    Path sub = Files.createDirectories(repo.resolve("deep/inside"));

    int code = run("report", "--repo", sub.toString());

    assertThat(code).isEqualTo(0);
    assertThat(out.toString()).contains("| s1 |");
    assertThat(repo.resolve(".blueprint/workrate.db")).exists();
  }

  private static void commit(Git git, String path, String content, String message, Instant when)
      throws Exception {
    Path file = git.getRepository().getWorkTree().toPath().resolve(path);
    Files.writeString(file, content);
    git.add().addFilepattern(path).call();
    PersonIdent who = new PersonIdent("Test Author", "author@example.test", when, ZoneOffset.UTC);
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  /** JGit must not read the developer's configuration: empty user, system and JGit configs. */
  private void isolateGitConfig() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path global = Files.writeString(home.resolve(".gitconfig"), "");
    original = SystemReader.getInstance();
    SystemReader.setInstance(
        new SystemReader.Delegate(original) {
          @Override
          public String getenv(String name) {
            return name.equals("HOME")
                ? home.toString()
                : name.startsWith("GIT_") ? null : super.getenv(name);
          }

          @Override
          public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, global.toFile(), fs);
          }

          @Override
          public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, tmp.resolve("system-gitconfig").toFile(), fs);
          }

          @Override
          public FileBasedConfig openJGitConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, tmp.resolve("jgit-config").toFile(), fs);
          }
        });
  }
}
