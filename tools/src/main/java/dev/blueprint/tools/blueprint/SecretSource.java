package dev.blueprint.tools.blueprint;

/**
 * One place secrets are looked up, in order: {@code env{prefix}}, {@code file{path}}, {@code
 * vault{address, path}}, {@code aws_ssm{prefix}}. Fields a type does not use are null.
 */
public record SecretSource(String type, String prefix, String path, String address, int line) {}
