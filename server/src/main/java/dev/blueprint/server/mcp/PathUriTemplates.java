package dev.blueprint.server.mcp;

import io.modelcontextprotocol.util.McpUriTemplateManager;
import io.modelcontextprotocol.util.McpUriTemplateManagerFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URI templates that also understand RFC 6570 reserved expansion ({@code {+path}}), which may span
 * slashes, so {@code bp://blueprints/{+path}} matches {@code bp://blueprints/docs/a.bp.md}. The
 * SDK's own templates only match one path segment per variable.
 */
final class PathUriTemplates implements McpUriTemplateManagerFactory {
  private static final Pattern VARIABLE = Pattern.compile("\\{(\\+?)([A-Za-z0-9_]+)\\}");

  @Override
  public McpUriTemplateManager create(String template) {
    return new Template(template);
  }

  private static final class Template implements McpUriTemplateManager {
    private final String template;
    private final List<String> names = new ArrayList<>();
    private final Pattern pattern;

    Template(String template) {
      this.template = template;
      StringBuilder regex = new StringBuilder("^");
      Matcher m = VARIABLE.matcher(template);
      int last = 0;
      while (m.find()) {
        regex.append(Pattern.quote(template.substring(last, m.start())));
        regex.append(m.group(1).isEmpty() ? "([^/]+)" : "(.+)");
        names.add(m.group(2));
        last = m.end();
      }
      regex.append(Pattern.quote(template.substring(last))).append('$');
      this.pattern = Pattern.compile(regex.toString());
    }

    @Override
    public List<String> getVariableNames() {
      return List.copyOf(names);
    }

    @Override
    public Map<String, String> extractVariableValues(String uri) {
      Map<String, String> values = new LinkedHashMap<>();
      Matcher m = pattern.matcher(uri == null ? "" : uri);
      if (m.matches()) {
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), m.group(i + 1));
        }
      }
      return values;
    }

    @Override
    public boolean matches(String uri) {
      return uri != null && pattern.matcher(uri).matches();
    }

    @Override
    public boolean isUriTemplate(String uri) {
      return uri != null && VARIABLE.matcher(uri).find();
    }

    @Override
    public String toString() {
      return template;
    }
  }
}
