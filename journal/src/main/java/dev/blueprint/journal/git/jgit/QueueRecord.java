package dev.blueprint.journal.git.jgit;

import dev.blueprint.journal.git.Trailers;

/**
 * A change as stored in the queue database. {@code kind} is "paths" (edits captured in the edits
 * table against {@code baseCommit}) or "branch" (the work on {@code sourceCommit}).
 */
record QueueRecord(
    long id,
    String kind,
    String targetRef,
    String message,
    Trailers trailers,
    String authorName,
    String authorEmail,
    long authorWhenMillis,
    int authorTzMinutes,
    String baseCommit,
    String sourceBranch,
    String sourceCommit,
    String state,
    String expectedOld,
    String newCommit,
    String landedCommit,
    String code,
    Integer exitCode,
    String paths,
    String detail,
    long submittedAtMillis,
    Long decidedAtMillis) {}
