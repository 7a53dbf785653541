package dev.blueprint.journal.session;

import dev.blueprint.journal.transcript.TokenUsage;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link Journal} as markdown with YAML front matter. The output depends on the journal
 * alone (no clock, no locale), so it can be compared with exact expected text.
 */
public final class JournalRenderer {

  /** The journal's full text. */
  public String render(Journal j) {
    StringBuilder out = new StringBuilder(2048);
    frontMatter(out, j);
    out.append("\n# Session ")
        .append(JournalFileName.stem(j.date(), j.sequence()))
        .append(" (")
        .append(j.agent())
        .append(")\n");
    section(out, "Summary");
    out.append(j.summary().isBlank() ? "_No summary._" : j.summary().strip()).append('\n');
    section(out, "Work Completed");
    bullets(out, j.workCompleted(), "_Nothing recorded._");
    section(out, "Files Changed");
    filesTable(out, j.filesChanged());
    section(out, "Commits");
    commits(out, j.commits());
    section(out, "Failures");
    bullets(out, j.failures(), "None.");
    section(out, "Next Steps");
    bullets(out, j.nextSteps(), "_None recorded._");
    section(out, "Handoff");
    handoff(out, j.handoff());
    return out.toString();
  }

  private static void frontMatter(StringBuilder out, Journal j) {
    out.append("---\n");
    out.append("schema_version: ").append(Journal.SCHEMA_VERSION).append('\n');
    out.append("session_id: ").append(YamlText.quoted(j.sessionId())).append('\n');
    out.append("date: ").append(j.date()).append('\n');
    out.append("sequence: ").append(j.sequence()).append('\n');
    out.append("project: ").append(YamlText.quoted(j.project())).append('\n');
    out.append("agent: ").append(YamlText.quoted(j.agent())).append('\n');
    field(out, "model", j.model());
    out.append("status: ").append(j.status().word()).append('\n');
    field(out, "started", j.started().map(Object::toString));
    field(out, "ended", j.ended().map(Object::toString));
    field(out, "start_commit", j.startCommit());
    field(out, "end_commit", j.endCommit());
    field(out, "branch", j.branch());
    field(out, "blueprint", j.blueprint());
    field(out, "blueprint_progress", j.blueprintProgress());
    field(out, "previous_session", j.previousSession());
    if (j.tokens().isPresent()) {
      TokenUsage t = j.tokens().get();
      out.append("tokens:\n")
          .append("  input: ")
          .append(t.input())
          .append("\n  output: ")
          .append(t.output())
          .append("\n  cache_creation: ")
          .append(t.cacheCreation())
          .append("\n  cache_read: ")
          .append(t.cacheRead())
          .append("\n  total: ")
          .append(t.total())
          .append('\n');
    } else {
      out.append("tokens: null\n");
    }
    out.append("cost_usd: ")
        .append(j.costUsd().map(c -> c.toPlainString()).orElse("null"))
        .append('\n');
    out.append("---\n");
  }

  private static void field(StringBuilder out, String key, Optional<String> value) {
    out.append(key).append(": ").append(value.map(YamlText::quoted).orElse("null")).append('\n');
  }

  private static void section(StringBuilder out, String title) {
    out.append("\n## ").append(title).append("\n\n");
  }

  private static void bullets(StringBuilder out, List<String> items, String none) {
    if (items.isEmpty()) {
      out.append(none).append('\n');
      return;
    }
    for (String item : items) {
      // a multi-line item stays inside its bullet
      out.append("- ").append(item.strip().replace("\n", "\n  ")).append('\n');
    }
  }

  private static void filesTable(StringBuilder out, List<FileChange> files) {
    if (files.isEmpty()) {
      out.append("_No files changed in commits._\n");
      return;
    }
    out.append("| File | Added | Removed |\n|------|------:|--------:|\n");
    int added = 0;
    int removed = 0;
    for (FileChange f : files) {
      out.append("| `")
          .append(f.path().replace("|", "\\|"))
          .append("` | ")
          .append(f.added())
          .append(" | ")
          .append(f.removed())
          .append(" |\n");
      added += f.added();
      removed += f.removed();
    }
    out.append("| **Total** | ").append(added).append(" | ").append(removed).append(" |\n");
  }

  private static void commits(StringBuilder out, List<CommitEntry> commits) {
    if (commits.isEmpty()) {
      out.append("_No commits._\n");
      return;
    }
    for (CommitEntry c : commits) {
      out.append("- `").append(c.shortSha()).append("` ").append(c.subject()).append('\n');
    }
  }

  private static void handoff(StringBuilder out, Handoff h) {
    out.append("```yaml\n");
    YamlText.list(out, "completed", h.completed());
    YamlText.list(out, "deferred", h.deferred());
    YamlText.list(out, "blocked", h.blocked());
    YamlText.list(out, "open_items", h.openItems());
    YamlText.text(out, "next_action_primer", h.nextActionPrimer());
    YamlText.text(out, "resume_context", h.resumeContext());
    out.append("```\n");
  }
}
