package dev.blueprint.tools.status;

import java.time.Instant;

/**
 * One dispatch of a blueprint.
 *
 * @param id a ULID: sortable by start time
 * @param baseBranch the branch work lands on
 * @param endedAt null while the run goes on
 */
public record Run(
    String id,
    String blueprintPath,
    String baseBranch,
    RunState state,
    Instant startedAt,
    Instant endedAt) {}
