package dev.blueprint.tools.blueprint;

/**
 * A group of tasks: a {@code ## Tier N: Name} heading in markdown, or an entry of {@code tiers} in
 * YAML and JSON.
 *
 * @param number the tier number when one is written, else null
 */
public record Tier(String name, Integer number, int line) {}
