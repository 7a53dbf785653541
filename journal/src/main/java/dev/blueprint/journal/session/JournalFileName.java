package dev.blueprint.journal.session;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal file name {@code YYYY-MM-DD-NNN-<agent>.md} and what can be read back from names
 * people chose by hand ({@code 2026-01-02-outpost-mvp.md} has a date but no sequence).
 *
 * @param date the date at the start of the name
 * @param sequence the three-digit number after the date, 0 when there is none
 * @param rest what follows (the agent for blueprint's own journals), without {@code .md}
 */
public record JournalFileName(LocalDate date, int sequence, String rest) {

  private static final Pattern NAME =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(?:-(\\d{3}))?(?:-(.*?))?(?:\\.md)?$");

  /** Parses a file name; empty when it does not start with a date. */
  public static Optional<JournalFileName> parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new JournalFileName(
              LocalDate.parse(m.group(1)),
              m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
              m.group(3) == null ? "" : m.group(3)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The name blueprint gives a journal. */
  public static String of(LocalDate date, int sequence, String agent) {
    return stem(date, sequence) + "-" + slug(agent) + ".md";
  }

  /** {@code YYYY-MM-DD-NNN}, which titles the journal too. */
  static String stem(LocalDate date, int sequence) {
    return date + "-" + String.format(Locale.ROOT, "%03d", sequence);
  }

  /** An agent name made safe for a file name: lower case, runs of other characters as '-'. */
  static String slug(String agent) {
    String s = agent.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    s = s.replaceAll("^[-.]+|[-.]+$", "");
    return s.isEmpty() ? "agent" : s;
  }
}
