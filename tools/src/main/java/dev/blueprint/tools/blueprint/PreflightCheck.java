package dev.blueprint.tools.blueprint;

/** A command that must succeed before a run starts ({@code execution.preflight_checks[]}). */
public record PreflightCheck(String command, int expectedExitCode, String errorMessage, int line) {}
