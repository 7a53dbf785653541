package dev.blueprint.journal.workrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A history whose survival is known line by line. Sessions and what happens to their lines:
 *
 * <ul>
 *   <li>s1 (trailer) adds 10 lines; two are later rewritten: 8 alive, 80%.
 *   <li>s2 (trailer) adds 10 lines; five are later deleted: 5 alive, 50%.
 *   <li>s3 (journal commit range, no trailer) appends 4 lines that are kept: 100%.
 *   <li>s4 (trailer) adds 5 lines; its commit is reverted: 0%.
 *   <li>r1 (Blueprint-Run trailer only) adds 6 lines; one is rewritten: 5 alive, 83.3%.
 *   <li>s5 (trailer) adds 3 lines in the last commit: too early.
 *   <li>s6 (journal without commits): no lines.
 * </ul>
 */
final class KnownHistory {
  static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

  private KnownHistory() {}

  static void build(TestRepo repo) throws Exception {
    repo.write("A.java", lines("a", 10)).write("E.txt", "e1", "e2", "e3");
    repo.commit("Base", T0);
    repo.write("B.txt", lines("b", 10));
    repo.commit(
        "S1 adds B\n\nSession-Id: s1\nAgent: claude-code\nModel: opus-4.5\nBlueprint: alpha",
        T0.plus(hours(1)));
    repo.write("C.txt", lines("c", 10));
    RevCommit s2 =
        repo.commit(
            "S2 adds C\n\nSession-Id: s2\nAgent: codex\nModel: gpt-5\nBlueprint: alpha",
            T0.plus(hours(2)));
    repo.write("A.java", concat(lines("a", 10), lines("x", 4)));
    RevCommit s3 = repo.commit("Extend A", T0.plus(hours(3)));
    repo.write("D.txt", lines("d", 5));
    RevCommit s4 =
        repo.commit("S4 adds D\n\nSession-Id: s4\nAgent: codex\nModel: gpt-5", T0.plus(hours(4)));
    repo.write("F.txt", lines("f", 6));
    repo.commit(
        "Run adds F\n\nBlueprint-Run: r1\nAgent: claude-code\nModel: sonnet-4.5\nBlueprint: beta",
        T0.plus(hours(5)));
    repo.write("C.txt", "c6", "c7", "c8", "c9", "c10");
    repo.commit("Drop half of C", T0.plus(days(1)));
    String[] b = lines("b", 10);
    b[0] = "b1 changed";
    b[1] = "b2 changed";
    repo.write("B.txt", b);
    repo.commit("Rewrite the head of B", T0.plus(days(1)).plus(hours(1)));
    repo.revert(s4, T0.plus(days(1)).plus(hours(2)));
    String[] f = lines("f", 6);
    f[5] = "f6 changed";
    repo.write("F.txt", f);
    repo.commit("Touch F", T0.plus(days(2)));
    for (int i = 1; i <= 10; i++) {
      repo.write("E.txt", concat(new String[] {"e1", "e2", "e3"}, lines("more", i)));
      repo.commit("Filler " + i, T0.plus(days(3)).plus(hours(i)));
    }
    repo.write("G.txt", lines("g", 3));
    repo.commit(
        "S5 adds G\n\nSession-Id: s5\nAgent: claude-code\nModel: opus-4.5", T0.plus(days(4)));
    Path sessions = Files.createDirectories(repo.dir.resolve("sessions"));
    Files.writeString(
        sessions.resolve("2026-01-05-003-claude-code.md"),
        "---\nschema_version: 1\nsession_id: s3\ndate: 2026-01-05\nagent: claude-code\n"
            + "model: opus-4.5\nblueprint: beta\nstart_commit: "
            + s2.name()
            + "\nend_commit: "
            + s3.name()
            + "\n---\n\n# Session s3\n");
    Files.writeString(
        sessions.resolve("2026-01-12-001-claude-code.md"),
        "---\nsession_id: s6\ndate: 2026-01-12\nagent: claude-code\nmodel: haiku-4.5\n---\n");
    Files.writeString(sessions.resolve("notes.md"), "# Notes without front matter\n");
  }

  static String[] lines(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toArray(String[]::new);
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static Duration hours(int n) {
    return Duration.ofHours(n);
  }

  static Duration days(int n) {
    return Duration.ofDays(n);
  }
}
