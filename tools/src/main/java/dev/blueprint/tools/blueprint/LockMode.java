package dev.blueprint.tools.blueprint;

/** How a resource lock is held: one holder, or up to the lock's {@code max_holders}. */
public enum LockMode {
  EXCLUSIVE,
  SHARED
}
