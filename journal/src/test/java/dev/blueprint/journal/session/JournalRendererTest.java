package dev.blueprint.journal.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.journal.transcript.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalRendererTest {

  static Journal sample() {
    return Journal.builder("sess-42", LocalDate.of(2026, 1, 12), "outpost", "claude-code")
        .sequence(4)
        .model("claude-opus-4-5-20251101")
        .status(JournalStatus.COMPLETE)
        .started(Instant.parse("2026-01-12T22:00:00Z"))
        .ended(Instant.parse("2026-01-12T23:45:00Z"))
        .startCommit("1111111111111111111111111111111111111111")
        .endCommit("2222222222222222222222222222222222222222")
        .branch("main")
        .blueprint("OUTPOST.bp.md")
        .blueprintProgress("65/186 (35%)")
        .previousSession("sess-41")
        .tokens(new TokenUsage(35, 250, 1100, 9000))
        .costUsd(new BigDecimal("1.25"))
        .summary("Built the \"greeting\" module.")
        .workCompleted(List.of("Add greeting", "Fix the build"))
        .filesChanged(
            List.of(new FileChange("src/greet.py", 12, 0), new FileChange("Makefile", 1, 1)))
        .commits(
            List.of(
                new CommitEntry("abcdef0123456789", "Add greeting", List.of()),
                new CommitEntry("0123456789abcdef", "Fix the build", List.of())))
        .failures(List.of("Bash `make test` failed: no rule"))
        .nextSteps(List.of("Ship it"))
        .handoff(
            new Handoff(
                List.of("Add greeting"),
                List.of(),
                List.of("Deploy: needs credentials"),
                List.of(),
                "Ship it",
                "Branch main at 2222222.\nTests pass."))
        .build();
  }

  @Test
  void rendersEveryFieldAndSectionExactly() {
    String expected =
        """
        ---
        schema_version: 1
        session_id: "sess-42"
        date: 2026-01-12
        sequence: 4
        project: "outpost"
        agent: "claude-code"
        model: "claude-opus-4-5-20251101"
        status: complete
        started: "2026-01-12T22:00:00Z"
        ended: "2026-01-12T23:45:00Z"
        start_commit: "1111111111111111111111111111111111111111"
        end_commit: "2222222222222222222222222222222222222222"
        branch: "main"
        blueprint: "OUTPOST.bp.md"
        blueprint_progress: "65/186 (35%)"
        previous_session: "sess-41"
        tokens:
          input: 35
          output: 250
          cache_creation: 1100
          cache_read: 9000
          total: 10385
        cost_usd: 1.25
        ---

        # Session 2026-01-12-004 (claude-code)

        ## Summary

        Built the "greeting" module.

        ## Work Completed

        - Add greeting
        - Fix the build

        ## Files Changed

        | File | Added | Removed |
        |------|------:|--------:|
        | `src/greet.py` | 12 | 0 |
        | `Makefile` | 1 | 1 |
        | **Total** | 13 | 1 |

        ## Commits

        - `abcdef0` Add greeting
        - `0123456` Fix the build

        ## Failures

        - Bash `make test` failed: no rule

        ## Next Steps

        - Ship it

        ## Handoff

        ```yaml
        completed:
          - "Add greeting"
        deferred: []
        blocked:
          - "Deploy: needs credentials"
        open_items: []
        next_action_primer: "Ship it"
        resume_context: |
          Branch main at 2222222.
          Tests pass.
        ```
        """;
    assertThat(new JournalRenderer().render(sample())).isEqualTo(expected);
  }

  @Test
  void rendersMissingValuesAsNullAndEmptySectionsAsSayingSo() {
    Journal j =
        Journal.builder("s", LocalDate.of(2026, 2, 1), "p", "me")
            .sequence(1)
            .status(JournalStatus.ABANDONED)
            .build();
    String text = new JournalRenderer().render(j);
    assertThat(text)
        .contains("model: null\n", "tokens: null\n", "cost_usd: null\n", "status: abandoned\n")
        .contains("## Failures\n\nNone.\n", "_No commits._", "_No files changed in commits._")
        .contains("next_action_primer: \"\"\n");
  }

  @Test
  void readsBackWhatItRenders() {
    JournalDocument doc =
        new JournalReader()
            .read("2026-01-12-004-claude-code.md", new JournalRenderer().render(sample()));
    assertThat(doc.problems()).isEmpty();
    assertThat(doc.sessionId()).contains("sess-42");
    assertThat(doc.status()).contains(JournalStatus.COMPLETE);
    assertThat(doc.sequence()).isEqualTo(4);
    assertThat(doc.frontMatter()).containsEntry("blueprint_progress", "65/186 (35%)");
    assertThat(doc.handoff()).containsEntry("next_action_primer", "Ship it");
    assertThat(doc.handoff()).containsEntry("blocked", List.of("Deploy: needs credentials"));
    assertThat(doc.handoff().get("resume_context"))
        .isEqualTo("Branch main at 2222222.\nTests pass.\n");
    assertThat(doc.sections().keySet())
        .containsExactly(
            "Summary",
            "Work Completed",
            "Files Changed",
            "Commits",
            "Failures",
            "Next Steps",
            "Handoff");
  }
}
