package dev.blueprint.journal.workrate;

import java.io.IOException;
import java.util.List;

/**
 * Where the report learns which sessions exist. The default reads the front matter of {@code
 * sessions/*.md}; the full journal reader can take its place without touching the analysis.
 */
public interface SessionSource {

  /** Every session this source knows, in no particular order. */
  List<SessionInfo> sessions() throws IOException;
}
