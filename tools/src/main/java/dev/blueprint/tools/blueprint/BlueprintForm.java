package dev.blueprint.tools.blueprint;

/** The physical form a blueprint was read from, detected by content, never by file extension. */
public enum BlueprintForm {
  MARKDOWN,
  YAML,
  JSON
}
