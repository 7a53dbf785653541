package dev.blueprint.journal.workrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Renders a {@link WorkRateReport} as JSON: snake_case keys, {@code "schema_version": 1}, rates as
 * numbers between 0 and 1 (null when nothing was added). Writers only ever add fields.
 */
public final class JsonReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The report as a JSON document. */
  public static ObjectNode tree(WorkRateReport r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema_version", 1);
    root.put("head", r.head());
    root.put("period", r.period().name().toLowerCase(Locale.ROOT));
    root.set("total", group(List.of(), r.total()));
    ArrayNode sessions = root.putArray("sessions");
    for (SessionRate s : r.sessions()) {
      ObjectNode n = sessions.addObject();
      n.put("id", s.id());
      n.put("date", s.date().toString());
      n.put("agent", s.agent());
      n.put("model", s.model());
      n.put("blueprint", s.blueprint());
      n.put("commits", s.commits());
      n.put("lines_added", s.linesAdded());
      n.put("lines_alive", s.linesAlive());
      rate(n, s.rate());
      n.put("outcome", s.outcome().key());
    }
    groups(root.putArray("by_agent_model"), List.of("agent", "model"), r.byAgentModel());
    groups(root.putArray("by_blueprint"), List.of("blueprint"), r.byBlueprint());
    groups(root.putArray("by_period"), List.of("period"), r.byPeriod());
    return root;
  }

  /** The report as indented JSON text ending with a newline. */
  public static String render(WorkRateReport r) {
    try {
      return JSON.writeValueAsString(tree(r)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a JSON tree", e);
    }
  }

  private static void groups(ArrayNode out, List<String> names, List<GroupRate> groups) {
    for (GroupRate g : groups) {
      out.add(group(names, g));
    }
  }

  private static ObjectNode group(List<String> names, GroupRate g) {
    ObjectNode n = JSON.createObjectNode();
    for (int i = 0; i < names.size(); i++) {
      n.put(names.get(i), g.key().get(i));
    }
    n.put("sessions", g.sessions());
    n.put("lines_added", g.linesAdded());
    n.put("lines_alive", g.linesAlive());
    rate(n, g.rate());
    return n;
  }

  private static void rate(ObjectNode n, OptionalDouble rate) {
    if (rate.isPresent()) {
      n.put("rate", rate.getAsDouble());
    } else {
      n.putNull("rate");
    }
  }
}
