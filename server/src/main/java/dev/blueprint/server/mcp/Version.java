package dev.blueprint.server.mcp;

/** The version the jar manifest records, told to clients in the initialize reply. */
final class Version {
  private Version() {}

  static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-dev" : v;
  }
}
