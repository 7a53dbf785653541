package dev.blueprint.tools.status;

/** Where a failed attempt stands in its task's retry budget. */
public record RetryInfo(int attempt, int maxAttempts, boolean willRetry) {}
