package dev.blueprint.tools.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

  private static List<String> sorted(String... ids) {
    List<String> list = new ArrayList<>(List.of(ids));
    list.sort(NaturalOrder.INSTANCE);
    return list;
  }

  @Test
  void ordersNumbersByValueNotByText() {
    assertThat(sorted("T10", "T2", "T1", "T100", "T20"))
        .containsExactly("T1", "T2", "T10", "T20", "T100");
  }

  @Test
  void ordersDottedIdsPartByPart() {
    assertThat(sorted("T0.1.10", "T0.2", "T0.1.2", "T0.1", "T1.0"))
        .containsExactly("T0.1", "T0.1.2", "T0.1.10", "T0.2", "T1.0");
  }

  @Test
  void comparesDigitRunsLongerThanALongWithoutOverflow() {
    assertThat(sorted("T99999999999999999999999", "T100000000000000000000000", "T7"))
        .containsExactly("T7", "T99999999999999999999999", "T100000000000000000000000");
  }

  @Test
  void isTotalAndConsistentWithEqualsForLeadingZerosAndCase() {
    assertThat(NaturalOrder.INSTANCE.compare("T01", "T1")).isNotZero();
    assertThat(NaturalOrder.INSTANCE.compare("t1", "T1")).isNotZero();
    assertThat(NaturalOrder.INSTANCE.compare("T1", "T1")).isZero();
    assertThat(sorted("b", "A", "a2", "a10")).containsExactly("A", "a2", "a10", "b");
  }

  @Test
  void putsAPrefixBeforeLongerIds() {
    assertThat(sorted("T1a", "T1", "T1.1")).containsExactly("T1", "T1.1", "T1a");
  }
}
