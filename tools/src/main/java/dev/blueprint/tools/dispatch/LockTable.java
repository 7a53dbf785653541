package dev.blueprint.tools.dispatch;

import dev.blueprint.tools.blueprint.LockMode;
import dev.blueprint.tools.blueprint.LockUse;
import dev.blueprint.tools.blueprint.ResourceLock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource locks of one run, held while tasks run. A task takes all of its locks at once or
 * none (so two tasks can never each hold half of what the other needs). An exclusive lock has one
 * holder; a shared one up to its {@code max_holders}, and never alongside an exclusive holder. A
 * lock declared exclusive is taken exclusively whatever the task asks; a lock a task names but the
 * blueprint does not declare (the validator reports it) is treated as exclusive.
 */
public final class LockTable {
  private final Map<String, ResourceLock> declared = new HashMap<>();
  private final Map<String, String> exclusiveHolder = new HashMap<>();
  private final Map<String, Set<String>> sharedHolders = new HashMap<>();

  public LockTable(List<ResourceLock> locks) {
    for (ResourceLock l : locks) {
      declared.put(l.name(), l);
    }
  }

  /** Takes every lock the task uses and returns true, or takes none and returns false. */
  public synchronized boolean tryAcquire(String taskId, List<LockUse> uses) {
    for (LockUse u : uses) {
      if (!available(taskId, u)) {
        return false;
      }
    }
    for (LockUse u : uses) {
      if (exclusive(u)) {
        exclusiveHolder.put(u.name(), taskId);
      } else {
        sharedHolders.computeIfAbsent(u.name(), k -> new LinkedHashSet<>()).add(taskId);
      }
    }
    return true;
  }

  /** Releases every lock the task holds. */
  public synchronized void release(String taskId) {
    exclusiveHolder.values().removeIf(taskId::equals);
    sharedHolders.values().forEach(s -> s.remove(taskId));
  }

  /** The tasks holding a lock now. */
  public synchronized Set<String> holders(String lockName) {
    Set<String> h = new LinkedHashSet<>();
    if (exclusiveHolder.containsKey(lockName)) {
      h.add(exclusiveHolder.get(lockName));
    }
    h.addAll(sharedHolders.getOrDefault(lockName, Set.of()));
    return h;
  }

  private boolean available(String taskId, LockUse u) {
    String ex = exclusiveHolder.get(u.name());
    Set<String> shared = sharedHolders.getOrDefault(u.name(), Set.of());
    if (ex != null && !ex.equals(taskId)) {
      return false;
    }
    if (exclusive(u)) {
      return shared.isEmpty() || shared.equals(Set.of(taskId));
    }
    ResourceLock d = declared.get(u.name());
    int max = d == null ? 1 : Math.max(1, d.maxHolders());
    return shared.contains(taskId) || shared.size() < max;
  }

  private boolean exclusive(LockUse u) {
    ResourceLock d = declared.get(u.name());
    return d == null || d.mode() == LockMode.EXCLUSIVE || u.mode() == LockMode.EXCLUSIVE;
  }
}
