package dev.blueprint.tools.dispatch.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blueprint.tools.blueprint.Binding;
import dev.blueprint.tools.blueprint.Task;
import dev.blueprint.tools.blueprint.TestTier;
import dev.blueprint.tools.blueprint.VerificationStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

  @Test
  void rendersEveryPartOfTheTaskInAFixedOrder() {
    Task task =
        Task.builder("T2.1")
            .name("Strip namespaces")
            .description("Fix the dispatcher.")
            .interfaceInput("repo name with namespace")
            .interfaceOutput("bare repo name")
            .acceptanceCriterion("org/repo becomes repo")
            .acceptanceCriterion("repo stays repo")
            .fileToCreate("scripts/strip.sh")
            .fileToModify("scripts/dispatch.sh")
            .binding(new Binding("spec", "T0.1", "spec", "file", true, null, null, null, 0))
            .binding(new Binding("notes", "T0.2", null, "stdout", false, null, null, null, 0))
            .verification(
                new VerificationStep(
                    TestTier.SMOKE, "test -x scripts/strip.sh", null, List.of(), false, 0, 0))
            .testCommand("bats tests/")
            .build();

    String prompt = PromptBuilder.build(task, Map.of("spec", "docs/SPEC.md"));

    assertThat(prompt)
        .isEqualTo(
            """
            # Task T2.1: Strip namespaces

            Fix the dispatcher.

            ## Interface
            - Input: repo name with namespace
            - Output: bare repo name

            ## Acceptance criteria
            - org/repo becomes repo
            - repo stays repo

            ## Files to create
            - scripts/strip.sh

            ## Files to modify
            - scripts/dispatch.sh

            ## Inputs from earlier tasks
            - spec (from T0.1.spec):

            ```
            docs/SPEC.md
            ```
            - notes (from T0.2)

            ## Verification
            These commands must pass in this directory when you are done:
            - smoke: `test -x scripts/strip.sh`
            - unit: `bats tests/`

            ## Rules
            - Work only inside the current directory.
            - Do not commit: blueprint commits your changes when the verification passes.
            """);
  }

  @Test
  void aBareTaskGetsOnlyItsTitleAndTheRules() {
    assertThat(PromptBuilder.build(Task.builder("T1").name("Do it").build(), Map.of()))
        .isEqualTo(
            """
            # Task T1: Do it

            ## Rules
            - Work only inside the current directory.
            - Do not commit: blueprint commits your changes when the verification passes.
            """);
  }
}
