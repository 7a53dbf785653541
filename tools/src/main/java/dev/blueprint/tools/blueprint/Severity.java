package dev.blueprint.tools.blueprint;

/** How much a diagnostic matters: only errors make a blueprint invalid. */
public enum Severity {
  ERROR,
  WARNING,
  INFO
}
