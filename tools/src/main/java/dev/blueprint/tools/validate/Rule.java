package dev.blueprint.tools.validate;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.Diagnostic;
import java.util.List;

/** One validation rule of BSF: looks at a blueprint and returns what it found, never throws. */
@FunctionalInterface
public interface Rule {
  List<Diagnostic> check(Blueprint blueprint);
}
