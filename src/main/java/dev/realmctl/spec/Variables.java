package dev.realmctl.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Where {@code ${env:NAME}} and {@code ${file:PATH}} get their values. */
public interface Variables {

  /** The most a {@code ${file:}} reference reads: a certificate, a key, a secret, never a disk. */
  int MAX_FILE_BYTES = 1024 * 1024;

  /** A value, or why there is none, said so that it can follow {@code ${kind:name}: }. */
  record Read(Optional<String> value, String failure) {
    static Read of(String value) {
      return new Read(Optional.of(value), "");
    }

    static Read failed(String why) {
      return new Read(Optional.empty(), why);
    }

    /** An optional value, with what its absence means. */
    public static Read of(Optional<String> value, String whenAbsent) {
      return value.map(Read::of).orElseGet(() -> failed(whenAbsent));
    }
  }

  Optional<String> env(String name);

  /**
   * Reads a regular file of at most {@link #MAX_FILE_BYTES}, relative paths resolved against the
   * spec file's folder. Devices, FIFOs and folders are refused before they are opened (a symbolic
   * link is judged by what it finally points at), as they could be endless or block forever.
   */
  default Read file(Path specFolder, String path) {
    try {
      Path real = specFolder.resolve(path).toRealPath();
      BasicFileAttributes attributes =
          Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        return Read.failed("not a regular file");
      }
      if (attributes.size() > MAX_FILE_BYTES) {
        return Read.failed("is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
      }
      // The size can lie (files under /proc say 0) or change: read one byte past the limit to know.
      byte[] bytes;
      try (InputStream in =
          Channels.newInputStream(
              Files.newByteChannel(
                  real, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        return Read.failed("is larger than " + MAX_FILE_BYTES / 1024 + " KiB");
      }
      return Read.of(stripFinalNewline(utf8(bytes)));
    } catch (NoSuchFileException e) {
      return Read.failed("no such file");
    } catch (AccessDeniedException e) {
      return Read.failed("permission denied");
    } catch (CharacterCodingException e) {
      return Read.failed("is not valid UTF-8");
    } catch (FileSystemException e) {
      return Read.failed("cannot be read: " + Objects.requireNonNullElse(e.getReason(), "error"));
    } catch (IOException e) {
      return Read.failed("cannot be read: " + e.getClass().getSimpleName());
    }
  }

  static Variables system() {
    return name -> Optional.ofNullable(System.getenv(name));
  }

  static Variables of(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name));
  }

  private static String utf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String stripFinalNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
