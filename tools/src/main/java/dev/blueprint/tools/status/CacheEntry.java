package dev.blueprint.tools.status;

import java.time.Instant;

/**
 * A remembered successful result for the deterministic cache.
 *
 * @param fingerprint see {@link TaskFingerprint}
 * @param commitId the commit the successful attempt produced
 */
public record CacheEntry(
    String fingerprint, String runId, String taskId, String commitId, Instant createdAt) {}
