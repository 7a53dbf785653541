package dev.blueprint.tools.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompactFieldsTest {
  private static CompactFields sealed(String... keys) {
    CompactFields f = new CompactFields(4);
    for (String k : keys) {
      f.put(k, TextNode.valueOf(k + "-value"));
    }
    f.seal();
    return f;
  }

  @Test
  void behavesLikeAnInsertionOrderedMap() {
    CompactFields f = new CompactFields(2);
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    for (String k : List.of("b", "a", "c", "a", "d")) {
      f.put(k, TextNode.valueOf(k + expected.size()));
      expected.put(k, TextNode.valueOf(k + expected.size()));
    }
    assertThat(f).isEqualTo(expected);
    assertThat(new ArrayList<>(f.keySet())).containsExactly("b", "a", "c", "d");
    assertThat(f.remove("c")).isNotNull();
    expected.remove("c");
    assertThat(new ArrayList<>(f.keySet())).containsExactly("b", "a", "d");
    assertThat(f.get(new String("a"))).isEqualTo(expected.get("a"));
    assertThat(f.containsKey("zz")).isFalse();
  }

  @Test
  void sealedMapsWithTheSameKeysStayIndependentWhenOneChanges() {
    CompactFields one = sealed("task_id", "name", "status");
    CompactFields two = sealed("task_id", "name", "status");
    two.put("extra", TextNode.valueOf("x"));
    two.remove("name");
    two.put("task_id", TextNode.valueOf("other"));
    assertThat(new ArrayList<>(one.keySet())).containsExactly("task_id", "name", "status");
    assertThat(one.get("task_id").asText()).isEqualTo("task_id-value");
    assertThat(new ArrayList<>(two.keySet())).containsExactly("task_id", "status", "extra");
    CompactFields three = sealed("task_id", "name", "status");
    Iterator<Map.Entry<String, JsonNode>> it = three.entrySet().iterator();
    it.next();
    it.remove();
    assertThat(new ArrayList<>(three.keySet())).containsExactly("name", "status");
    assertThat(new ArrayList<>(one.keySet())).containsExactly("task_id", "name", "status");
    three.clear();
    assertThat(three).isEmpty();
    assertThat(one).hasSize(3);
  }

  @Test
  void aLargeMappingMovesToAHashMapKeepingOrder() {
    CompactFields f = new CompactFields(4);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add("k" + i);
      f.put("k" + i, TextNode.valueOf("v" + i));
    }
    assertThat(new ArrayList<>(f.keySet())).isEqualTo(keys);
    assertThat(f.get("k39").asText()).isEqualTo("v39");
    var node = CompactFields.objectNode(JsonNodeFactory.instance, f);
    assertThat(node.size()).isEqualTo(40);
  }

  @Test
  void forEachVisitsFieldsInInsertionOrderSmallOrLargeAndRefusesChangesDuringTheVisit() {
    for (int n : new int[] {3, 40}) {
      CompactFields f = new CompactFields(2);
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        f.put("k" + (n - i), TextNode.valueOf("v" + i));
        expected.put("k" + (n - i), TextNode.valueOf("v" + i));
      }
      List<String> seen = new ArrayList<>();
      f.forEach((k, v) -> seen.add(k + "=" + v.asText()));
      List<String> want = new ArrayList<>();
      expected.forEach((k, v) -> want.add(k + "=" + v.asText()));
      assertThat(seen).as("%d fields", n).isEqualTo(want);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.forEach((k, v) -> f.remove(k)))
          .isInstanceOf(java.util.ConcurrentModificationException.class);
    }
  }
}
