package dev.blueprint.tools.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The one-pass pre-filter of {@link LiteralSecretRule} against the plain definition it replaces:
 * the lower-cased value contains one of the words every secret pattern needs.
 */
class LiteralSecretQuickFilterTest {
  private static final List<String> WORDS =
      List.of(
          "sk-",
          "akia",
          "asia",
          "github_pat_",
          "xox",
          "aiza",
          "private key",
          "bearer",
          "key",
          "token",
          "secret",
          "passw");

  /** The definition: ASCII-lower-cased, then a plain search for each word (and gh[pousr]_). */
  private static boolean reference(String v) {
    StringBuilder sb = new StringBuilder(v.length());
    for (char c : v.toCharArray()) {
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    String lower = sb.toString();
    if (WORDS.stream().anyMatch(lower::contains)) {
      return true;
    }
    for (int at = lower.indexOf("gh"); at >= 0; at = lower.indexOf("gh", at + 1)) {
      if (at + 3 < lower.length()
          && "pousr".indexOf(lower.charAt(at + 2)) >= 0
          && lower.charAt(at + 3) == '_') {
        return true;
      }
    }
    return false;
  }

  @Provide
  Arbitrary<String> values() {
    // Pieces of the words in both cases, so near misses ("ke", "toke", "gh_", "xo") are common.
    Arbitrary<String> piece =
        Arbitraries.of(
            "s",
            "S",
            "k",
            "K",
            "-",
            "a",
            "A",
            "i",
            "I",
            "e",
            "E",
            "y",
            "Y",
            "g",
            "G",
            "h",
            "H",
            "p",
            "P",
            "o",
            "O",
            "u",
            "r",
            "_",
            "x",
            "X",
            "z",
            "Z",
            "t",
            "T",
            "n",
            "N",
            "c",
            "C",
            "b",
            "B",
            "w",
            "W",
            "v",
            "V",
            " ",
            "1",
            "é",
            "—",
            "key",
            "Tok",
            "ghp",
            "GHo_",
            "github_pat",
            "xo",
            "PRIVATE",
            " KEY",
            "pass",
            "Secre",
            "bear",
            "SK-",
            "aiz");
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void agreesWithTheLowerCasedSearch(@ForAll("values") String v) {
    assertThat(LiteralSecretRule.quick(v)).as(v).isEqualTo(reference(v));
  }

  @Test
  void findsEachWordInAnyCaseAndNothingInPlainProse() {
    assertThat(LiteralSecretRule.quick("Authorization: BEARER abc")).isTrue();
    assertThat(LiteralSecretRule.quick("x GHS_abc")).isTrue();
    assertThat(LiteralSecretRule.quick("the gh_ cli")).isFalse();
    assertThat(LiteralSecretRule.quick("outputs of the dependencies")).isFalse();
    assertThat(LiteralSecretRule.quick("git checkout -- src/T1")).isFalse();
    assertThat(LiteralSecretRule.quick("ends with gh")).isFalse();
  }
}
