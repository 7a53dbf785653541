package dev.blueprint.tools.blueprint;

import java.util.Map;

/**
 * The document's metadata ({@code _blueprint_version}, {@code _generated_at}, {@code _generator},
 * ...), from HTML comments, YAML front matter or a first YAML document. Values keep their text.
 *
 * @param values key to value, in document order
 * @param lines key to the line it was written on
 * @param line where the block starts, 0 when there is no metadata block
 */
public record Metadata(Map<String, String> values, Map<String, Integer> lines, int line) {
  public static Metadata none() {
    return new Metadata(Map.of(), Map.of(), 0);
  }

  public boolean present() {
    return line > 0 || !values.isEmpty();
  }

  public String get(String key) {
    return values.get(key);
  }
}
