package dev.blueprint.tools.blueprint;

/**
 * The verification tiers, in the order they run. The legacy {@code test_command} counts as UNIT.
 */
public enum TestTier {
  SMOKE,
  UNIT,
  INTEGRATION,
  E2E
}
