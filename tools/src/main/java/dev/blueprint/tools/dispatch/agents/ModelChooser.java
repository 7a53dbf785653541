package dev.blueprint.tools.dispatch.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Task;
import java.util.Optional;

/**
 * Picks a model from the blueprint's {@code agent_registry} ({@code <family>: {provider, models:
 * [{id, tier: flagship|balanced|fast, cost_multiplier, capabilities[]}]}}).
 *
 * <p>Order: the task's own {@code model} field; else the registry model of the tier the task asks
 * for ({@code model_tier}); else the family's {@code balanced} model; else its first model; else
 * none (the agent's own default).
 */
public final class ModelChooser {
  private ModelChooser() {}

  public static Optional<String> modelFor(Blueprint blueprint, Task task, String family) {
    String own = text(task.raw().get("model"));
    if (own != null) {
      return Optional.of(own);
    }
    JsonNode models =
        blueprint.extras() == null
            ? null
            : blueprint.extras().path("agent_registry").path(family).get("models");
    if (models == null || !models.isArray() || models.isEmpty()) {
      return Optional.empty();
    }
    String wantedTier = Optional.ofNullable(text(task.raw().get("model_tier"))).orElse("balanced");
    for (JsonNode m : models) {
      if (wantedTier.equalsIgnoreCase(text(m.get("tier"))) && text(m.get("id")) != null) {
        return Optional.of(text(m.get("id")));
      }
    }
    return Optional.ofNullable(text(models.get(0).get("id")));
  }

  private static String text(JsonNode n) {
    return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText().trim() : null;
  }
}
