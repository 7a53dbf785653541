package dev.blueprint.server.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Results of {@code validate} and {@code plan} by the blueprint's content: agents call them again
 * and again on the same file, and reading, checking and rendering a blueprint costs far more than
 * looking it up. The key is the tool, its options, the name the diagnostics use (the path relative
 * to the repository, or {@code <text>}) and the blueprint's whole text, so an edited file or other
 * text misses, and a file under another name is not answered with diagnostics naming the first.
 *
 * <p>The text itself is the key, compared in full on a hit, rather than a SHA-256 of it: no
 * collision is possible, and it is cheaper (hashing 2 kB with SHA-256 took 14 us under the C1-only
 * JIT {@code bp} runs with, a quarter of a cached call's work; a string hash and compare, 3 us).
 * Least recently used entries go first once either bound is reached: a count, and a weight (the
 * characters of the blueprint and of the rendered text, which the structured content is about the
 * size of).
 */
final class ResultCache {
  /**
   * What a result is for. Equal keys are compared in full; the hash samples the text (its length
   * and 64 characters spread over it) rather than reading all of it, since a hit compares it whole
   * anyway and a blueprint can be megabytes.
   */
  record Key(String tool, String options, String sourceName, String text) {
    @Override
    public int hashCode() {
      int h = Objects.hash(tool, options, sourceName, text.length());
      int step = Math.max(1, text.length() / 64);
      for (int i = 0; i < text.length(); i += step) {
        h = 31 * h + text.charAt(i);
      }
      return h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.text.length() == text.length()
          && k.tool.equals(tool)
          && k.options.equals(options)
          && k.sourceName.equals(sourceName)
          && k.text.equals(text);
    }
  }

  private record Entry(CallToolResult result, long weight) {}

  static final int MAX_ENTRIES = 64;
  static final long MAX_WEIGHT = 32L * 1024 * 1024;

  private final int maxEntries;
  private final long maxWeight;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;
  private long hits;
  private long misses;

  ResultCache(int maxEntries, long maxWeight) {
    this.maxEntries = maxEntries;
    this.maxWeight = maxWeight;
  }

  /** The cache {@code bp serve} uses unless told otherwise. */
  static ResultCache bounded() {
    return new ResultCache(MAX_ENTRIES, MAX_WEIGHT);
  }

  /** No caching: every call does the whole work ({@code --no-result-cache}). */
  static ResultCache off() {
    return new ResultCache(0, 0);
  }

  /**
   * The result for this key, computed by {@code compute} when it is not held. Two calls racing on
   * one key may both compute; both results are equal, so that costs time, never correctness.
   */
  CallToolResult get(Key key, Supplier<CallToolResult> compute) {
    synchronized (this) {
      Entry held = entries.get(key);
      if (held != null) {
        hits++;
        return held.result();
      }
      misses++;
    }
    CallToolResult result = compute.get();
    put(key, new Entry(result, key.text().length() + textChars(result)));
    return result;
  }

  /** The result held for this key, without computing one; a hit counts as one. */
  synchronized Optional<CallToolResult> peek(Key key) {
    Entry held = entries.get(key);
    if (held == null) {
      return Optional.empty();
    }
    hits++;
    return Optional.of(held.result());
  }

  private synchronized void put(Key key, Entry entry) {
    if (entry.weight() > maxWeight || maxEntries == 0) {
      return;
    }
    Entry old = entries.put(key, entry);
    weight += entry.weight() - (old == null ? 0 : old.weight());
    Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || weight > maxWeight) && eldest.hasNext()) {
      weight -= eldest.next().getValue().weight();
      eldest.remove();
    }
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }

  synchronized int size() {
    return entries.size();
  }

  private static long textChars(CallToolResult result) {
    long n = 0;
    for (var content : result.content()) {
      if (content instanceof TextContent text) {
        n += text.text().length();
      }
    }
    return n;
  }
}
