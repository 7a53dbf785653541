package dev.blueprint.server.cli;

import dev.blueprint.tools.blueprint.Blueprint;
import dev.blueprint.tools.blueprint.BlueprintReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the blueprint a command was given, turning every way a file can fail to be read into a
 * one-line {@link UsageException} that names the file (exit code 2). What the file says is never an
 * exception: the reader and validator report it as diagnostics.
 */
final class BlueprintFile {
  private BlueprintFile() {}

  static Blueprint read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UsageException("cannot read " + file + ": it is a directory");
    }
    try {
      return BlueprintReader.readFile(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("cannot read " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": permission denied", e);
    } catch (CharacterCodingException e) {
      throw new UsageException("cannot read " + file + ": not UTF-8 text", e);
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
