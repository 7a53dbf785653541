package dev.blueprint.tools.blueprint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a task's {@code input_bindings}: a value taken from another task's output port. Its
 * source is a dependency too.
 *
 * @param transfer stdout, file, memory or network, as written (null when absent)
 * @param transformLanguage the transform's language (must be jq), or null when there is none
 * @param transformExpression the transform's expression, or null
 * @param fallback the fallback value as written, or null
 */
public record Binding(
    String name,
    String source,
    String outputPort,
    String transfer,
    boolean required,
    String transformLanguage,
    String transformExpression,
    JsonNode fallback,
    int line) {}
