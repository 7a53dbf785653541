package dev.blueprint.tools.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The literal-secret pre-filter now lower-cases one character at a time instead of the whole value;
 * it must pass every value the whole-value filter passed, and what it passes in addition must never
 * be reported.
 */
class LiteralSecretQuickTest {
  private static final List<String> WORDS =
      List.of(
          "sk-",
          "akia",
          "asia",
          "gh",
          "github_pat_",
          "xox",
          "aiza",
          "private key",
          "bearer",
          "key",
          "token",
          "secret",
          "passw");

  /** The filter as it was: the value lower-cased with Locale.ROOT, then one search per word. */
  private static boolean wholeValueFilter(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    for (String q : WORDS) {
      int at = lower.indexOf(q);
      if (q.equals("gh")) {
        while (at >= 0) {
          if (at + 3 < lower.length()
              && "pousr".indexOf(lower.charAt(at + 2)) >= 0
              && lower.charAt(at + 3) == '_') {
            return true;
          }
          at = lower.indexOf(q, at + 1);
        }
      } else if (at >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Pieces that make near-misses likely: words in any case, unusual case mappings, filler. */
  private static final String[] PIECES = {
    "SK-",
    "sk",
    "Ak",
    "IA",
    "aSiA",
    "GH",
    "ghp_",
    "GhO_",
    "gh_",
    "GITHUB_PAT_",
    "XoX",
    "AIza",
    "Private Key",
    "private  key",
    "BEARER ",
    "KeY",
    "K",
    "\u212Aey",
    "ToKeN",
    "SECRET",
    "PaSsW",
    "\u0130",
    "A\u0130ZA",
    "\u017F",
    "\u03A3",
    "=",
    " ",
    "_",
    "-",
    "x",
    "7",
    "Zq9",
    "\u00E9",
    "/"
  };

  private static String value(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  @Property(tries = 2000)
  void passesEveryValueTheWholeValueFilterPassedAndReportsNothingMore(@ForAll long seed) {
    String v = value(new Random(seed));
    boolean before = wholeValueFilter(v);
    boolean now = LiteralSecretRule.quick(v);
    if (before) {
      assertThat(now).as(v).isTrue();
    }
    if (now && !before) {
      // Passed only now: the patterns after the filter must find nothing (field name neutral).
      assertThat(LiteralSecretRule.kindOf("description", v + "0123456789abcdef")).as(v).isNull();
    }
  }

  @Test
  void findsEachWordInAnyCaseAndSkipsValuesWithoutOne() {
    for (String w : WORDS) {
      String word = w.equals("gh") ? "ghs_" : w;
      assertThat(LiteralSecretRule.quick("xx " + word.toUpperCase(Locale.ROOT) + " yy"))
          .as(w)
          .isTrue();
    }
    assertThat(LiteralSecretRule.quick("\u212AEY")).isTrue(); // Kelvin sign lower-cases to k
    assertThat(LiteralSecretRule.quick("gh_x ghz_ out/T12 make check")).isFalse();
  }
}
