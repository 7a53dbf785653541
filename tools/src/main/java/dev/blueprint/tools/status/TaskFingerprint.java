package dev.blueprint.tools.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of the deterministic cache: SHA-256 over the task's whole spec as written (keys sorted,
 * so formatting and key order do not matter), the base tree, the agent and the model. Any change to
 * one of them misses the cache. The task's status field is left out: it says nothing of the work.
 */
public final class TaskFingerprint {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private TaskFingerprint() {}

  public static String of(JsonNode taskSpec, String baseTreeId, String agent, String model) {
    try {
      JsonNode spec = taskSpec.deepCopy();
      if (spec.isObject()) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) spec).remove("status");
      }
      Object tree = CANONICAL.treeToValue(spec, Object.class);
      String canonical = CANONICAL.writeValueAsString(tree);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {canonical, baseTreeId, agent, model == null ? "" : model}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint task", e);
    }
  }
}
