package dev.blueprint.tools.blueprint;

/**
 * A resource lock declared under {@code execution.resource_locks} (2.0 writes {@code type}, 2.1
 * writes {@code mode}).
 *
 * @param maxHolders how many tasks may hold a shared lock at once; 1 for exclusive locks
 */
public record ResourceLock(String name, LockMode mode, int maxHolders, int line) {}
