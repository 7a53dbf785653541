package dev.blueprint.tools.blueprint;

import java.util.List;

/**
 * How {@code ${secrets.NAME}} references are resolved.
 *
 * @param onMissing abort, prompt, skip_task or use_default, as written (null means abort)
 */
public record SecretResolution(String onMissing, List<SecretSource> sources) {
  public static final SecretResolution DEFAULT = new SecretResolution(null, List.of());
}
