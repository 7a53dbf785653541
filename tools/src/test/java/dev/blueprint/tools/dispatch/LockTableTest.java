package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.LockMode;
import dev.blueprint.tools.blueprint.LockUse;
import dev.blueprint.tools.blueprint.ResourceLock;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockTableTest {
  private static LockUse use(String name, LockMode mode) {
    return new LockUse(name, mode, 0);
  }

  private final LockTable locks =
      new LockTable(
          List.of(
              new ResourceLock("db", LockMode.EXCLUSIVE, 1, 0),
              new ResourceLock("api", LockMode.SHARED, 2, 0)));

  @Test
  void anExclusiveLockHasOneHolderUntilReleased() {
    assertThat(locks.tryAcquire("T1", List.of(use("db", LockMode.EXCLUSIVE)))).isTrue();
    assertThat(locks.tryAcquire("T2", List.of(use("db", LockMode.SHARED)))).isFalse();
    locks.release("T1");
    assertThat(locks.tryAcquire("T2", List.of(use("db", LockMode.SHARED)))).isTrue();
    assertThat(locks.holders("db")).containsExactly("T2");
  }

  @Test
  void aSharedLockTakesUpToMaxHoldersAndBlocksExclusiveUse() {
    assertThat(locks.tryAcquire("T1", List.of(use("api", LockMode.SHARED)))).isTrue();
    assertThat(locks.tryAcquire("T2", List.of(use("api", LockMode.SHARED)))).isTrue();
    assertThat(locks.tryAcquire("T3", List.of(use("api", LockMode.SHARED)))).isFalse();
    locks.release("T1");
    locks.release("T2");
    assertThat(locks.tryAcquire("T4", List.of(use("api", LockMode.EXCLUSIVE)))).isTrue();
    assertThat(locks.tryAcquire("T5", List.of(use("api", LockMode.SHARED)))).isFalse();
  }

  @Test
  void takesAllLocksOrNone() {
    assertThat(locks.tryAcquire("T1", List.of(use("db", LockMode.EXCLUSIVE)))).isTrue();
    assertThat(
            locks.tryAcquire(
                "T2", List.of(use("api", LockMode.SHARED), use("db", LockMode.EXCLUSIVE))))
        .isFalse();
    assertThat(locks.holders("api")).isEmpty();
  }

  @Test
  void anUndeclaredLockIsExclusive() {
    assertThat(locks.tryAcquire("T1", List.of(use("files", LockMode.SHARED)))).isTrue();
    assertThat(locks.tryAcquire("T2", List.of(use("files", LockMode.SHARED)))).isFalse();
  }
}
