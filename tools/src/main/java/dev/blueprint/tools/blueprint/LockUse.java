package dev.blueprint.tools.blueprint;

/** A task's use of a declared resource lock ({@code resources.locks[]}). */
public record LockUse(String name, LockMode mode, int line) {}
