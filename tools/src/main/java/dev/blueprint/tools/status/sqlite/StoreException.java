package dev.blueprint.tools.status.sqlite;

/** The run store could not read or write its database (disk, corruption, lock wait exceeded). */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
