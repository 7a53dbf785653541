package dev.blueprint.server.report;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One request to the report daemon. On the wire every field ends with a NUL byte (bash's {@code
 * printf '%s\0'} writes it; no argument can hold a NUL): {@code bp-report/1}, the operation ({@code
 * report} or {@code stop}), the token, the client's jar key, the client's physical working
 * directory, one field per {@link #ENVIRONMENT} variable ({@code =VALUE} when set, empty when not),
 * the argument count, then the arguments.
 */
public record ReportRequest(
    String op, String token, String jarKey, Path cwd, List<String> env, List<String> args) {

  public static final String MAGIC = "bp-report/1";
  public static final String REPORT = "report";
  public static final String STOP = "stop";

  /**
   * The variables that can change what {@code bp report} prints or writes to stderr (locale and
   * charset, time zone, git's configuration, log level): a client whose values differ from the
   * daemon's is sent back to the JVM path. The launcher's client lists the same names in the same
   * order.
   */
  public static final List<String> ENVIRONMENT =
      List.of(
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "TZ",
          "HOME",
          "XDG_CONFIG_HOME",
          "GIT_CONFIG_NOSYSTEM",
          "GIT_CONFIG_GLOBAL",
          "BP_LOG_LEVEL",
          "BP_DEBUG",
          "BP_JAVA_OPTS");

  private static final int MAX_FIELD = 64 * 1024;
  private static final int MAX_ARGS = 1000;

  /** This process's values of {@link #ENVIRONMENT}, in the wire form. */
  public static List<String> environment() {
    List<String> values = new ArrayList<>(ENVIRONMENT.size());
    for (String name : ENVIRONMENT) {
      String v = System.getenv(name);
      values.add(v == null ? "" : "=" + v);
    }
    return values;
  }

  /**
   * Reads one request.
   *
   * @throws IOException when the stream ends early or a field is malformed or too long
   */
  public static ReportRequest read(InputStream in) throws IOException {
    if (!MAGIC.equals(field(in))) {
      throw new IOException("not a bp-report/1 request");
    }
    String op = field(in);
    String token = field(in);
    String jarKey = field(in);
    String cwd = field(in);
    List<String> env = new ArrayList<>(ENVIRONMENT.size());
    for (int i = 0; i < ENVIRONMENT.size(); i++) {
      env.add(field(in));
    }
    int argc;
    try {
      argc = Integer.parseInt(field(in));
    } catch (NumberFormatException e) {
      throw new IOException("bad argument count");
    }
    if (argc < 0 || argc > MAX_ARGS) {
      throw new IOException("bad argument count");
    }
    List<String> args = new ArrayList<>(argc);
    for (int i = 0; i < argc; i++) {
      args.add(field(in));
    }
    Path dir = Path.of(cwd);
    if (!dir.isAbsolute()) {
      throw new IOException("working directory is not absolute");
    }
    return new ReportRequest(op, token, jarKey, dir, List.copyOf(env), List.copyOf(args));
  }

  /** The request in its wire form (the Java client: {@code --stop-daemon} and tests). */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> fields = new ArrayList<>();
    fields.addAll(List.of(MAGIC, op, token, jarKey, cwd.toString()));
    fields.addAll(env);
    fields.add(Integer.toString(args.size()));
    fields.addAll(args);
    for (String f : fields) {
      out.writeBytes(f.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  private static String field(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("request ended early");
      }
      if (b == 0) {
        return buf.toString(StandardCharsets.UTF_8);
      }
      if (buf.size() >= MAX_FIELD) {
        throw new IOException("request field too long");
      }
      buf.write(b);
    }
  }
}
