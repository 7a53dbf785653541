package dev.blueprint.tools.dispatch.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets from a dotenv file. The format as docker compose and python-dotenv read it: {@code
 * KEY=value} lines, an optional {@code export} in front, {@code #} comments, single quotes literal,
 * double quotes with {@code \n}, {@code \"} and {@code \\} escapes. (dotenv-java was tried first;
 * it rejects {@code export} lines, common in real files.) Lines that are not assignments are
 * ignored. A missing file has no secrets.
 */
public final class DotenvSecrets implements SecretLookup {
  private static final Pattern LINE =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");

  private final Path file;
  private final Map<String, String> values;

  public DotenvSecrets(Path file) {
    this.file = file;
    try {
      this.values =
          Files.isRegularFile(file)
              ? parse(Files.readString(file, StandardCharsets.UTF_8))
              : Map.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read secrets file " + file, e);
    }
  }

  static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        out.put(m.group(1), value(m.group(2).strip()));
      }
    }
    return out;
  }

  private static String value(String raw) {
    if (raw.length() >= 2 && raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      return end > 0 ? raw.substring(1, end) : raw.substring(1);
    }
    if (raw.startsWith("\"")) {
      StringBuilder v = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '"') {
          break;
        }
        if (c == '\\' && i + 1 < raw.length()) {
          char n = raw.charAt(++i);
          v.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
        } else {
          v.append(c);
        }
      }
      return v.toString();
    }
    int comment = raw.indexOf(" #");
    return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
  }

  @Override
  public Optional<String> find(String name) {
    return Optional.ofNullable(values.get(name));
  }

  @Override
  public String describe() {
    return "file(" + file + ")";
  }
}
