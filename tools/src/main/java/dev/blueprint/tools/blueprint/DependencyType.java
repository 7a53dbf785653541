package dev.blueprint.tools.blueprint;

/** The kinds of typed dependency entries in BSF 2.x; a plain id means COMPLETION. */
public enum DependencyType {
  COMPLETION,
  DATA,
  RESOURCE
}
