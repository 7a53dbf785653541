package dev.blueprint.tools.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.FailureAction;
import dev.blueprint.tools.blueprint.OnFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void retriesWithDoublingDelayThenAppliesTheAction() {
    OnFailure p = new OnFailure(3, "PT10S", FailureAction.SKIP, null, 0);

    assertThat(RetryPolicy.afterFailure(p, 1))
        .isEqualTo(new RetryDecision.Retry(2, Duration.ofSeconds(10)));
    assertThat(RetryPolicy.afterFailure(p, 2))
        .isEqualTo(new RetryDecision.Retry(3, Duration.ofSeconds(20)));
    assertThat(RetryPolicy.afterFailure(p, 3))
        .isEqualTo(new RetryDecision.Retry(4, Duration.ofSeconds(40)));
    assertThat(RetryPolicy.afterFailure(p, 4))
        .isEqualTo(new RetryDecision.GiveUp(FailureAction.SKIP, null));
    assertThat(RetryPolicy.maxAttempts(p)).isEqualTo(4);
  }

  @Test
  void defaultsToNoRetryAndBlockAndCapsTheDelay() {
    assertThat(RetryPolicy.afterFailure(null, 1))
        .isEqualTo(new RetryDecision.GiveUp(FailureAction.BLOCK, null));
    OnFailure many = new OnFailure(20, "PT1M", FailureAction.ABORT, "T9", 0);
    assertThat(RetryPolicy.afterFailure(many, 15))
        .isEqualTo(new RetryDecision.Retry(16, RetryPolicy.MAX_DELAY));
    assertThat(RetryPolicy.afterFailure(many, 21))
        .isEqualTo(new RetryDecision.GiveUp(FailureAction.ABORT, "T9"));
    assertThat(RetryPolicy.afterFailure(new OnFailure(1, null, null, null, 0), 1))
        .isEqualTo(new RetryDecision.Retry(2, RetryPolicy.DEFAULT_DELAY));
  }
}
