package org.ums.admincli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a quote inside, line
 * breaks inside quotes) record by record from bytes, in constant memory. It works on bytes because the comma,
 * quote and line ends are ASCII, which UTF-8 never uses inside a multi-byte character: each field is then decoded
 * on its own, so a bad byte costs its record, not the file. A UTF-8 byte order mark at the start is skipped; LF,
 * CRLF and CR end records; blank lines are skipped.
 */
final class CsvRecords implements AutoCloseable {

  /** One record: its first line's number and its fields, or why it cannot be read. */
  record CsvRecord(long line, List<String> fields, String problemKey) {

    boolean readable() {
      return problemKey == null;
    }
  }

  private static final int EOF = -1;

  private final InputStream in;
  private final int maxRecordBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private long bytesRead;
  private long line = 1;
  private boolean started;
  private int pushedBack = Integer.MIN_VALUE;

  CsvRecords(InputStream in, int maxRecordBytes) {
    this.in = in;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** How far into the input reading has come, for progress: the bytes consumed, not those buffered. */
  long bytesRead() {
    return bytesRead - (limit - position);
  }

  /** The next record, or null at the end. */
  CsvRecord next() throws IOException {
    if (!started) {
      started = true;
      skipByteOrderMark();
    }
    int c = read();
    while (c == '\r' || c == '\n') {
      c = endLine(c);
      c = read();
    }
    if (c == EOF) {
      return null;
    }
    long first = line;
    var fields = new ArrayList<byte[]>();
    var field = new ByteArrayOutputStream();
    int size = 0;
    String problem = null;
    boolean quoted = false;
    boolean afterQuote = false;
    boolean fieldStart = true;
    while (true) {
      boolean endsRecord = !quoted && (c == '\n' || c == '\r');
      if (c != EOF && !endsRecord && ++size > maxRecordBytes) {
        problem = "console.import.record-too-long";
        skipRestOfRecord(quoted, c);
        break;
      }
      if (c == EOF) {
        if (quoted) {
          problem = "console.import.unclosed-quote";
        }
        break;
      }
      if (quoted) {
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.write('"');
          } else {
            quoted = false;
            afterQuote = true;
            c = next;
            continue;
          }
        } else {
          if (c == '\n' || c == '\r') {
            c = endLine(c);
            field.write('\n');
            c = read();
            continue;
          }
          field.write(c);
        }
      } else if (c == ',') {
        fields.add(field.toByteArray());
        field.reset();
        fieldStart = true;
        afterQuote = false;
        c = read();
        continue;
      } else if (c == '\r' || c == '\n') {
        endLine(c);
        break;
      } else if (c == '"' && fieldStart) {
        quoted = true;
      } else if (afterQuote || c == '"') {
        problem = "console.import.stray-quote";
        skipRestOfLine();
        break;
      } else {
        field.write(c);
      }
      fieldStart = false;
      c = read();
    }
    if (problem != null) {
      return new CsvRecord(first, List.of(), problem);
    }
    fields.add(field.toByteArray());
    var decoded = new ArrayList<String>(fields.size());
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    for (byte[] bytes : fields) {
      try {
        decoded.add(decoder.decode(ByteBuffer.wrap(bytes)).toString());
      } catch (CharacterCodingException e) {
        return new CsvRecord(first, List.of(), "console.import.not-utf8");
      }
    }
    return new CsvRecord(first, decoded, null);
  }

  private void skipByteOrderMark() throws IOException {
    byte[] start = in.readNBytes(3);
    boolean mark = start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB
        && (start[2] & 0xFF) == 0xBF;
    bytesRead += start.length;
    if (!mark) {
      System.arraycopy(start, 0, buffer, 0, start.length);
      position = 0;
      limit = start.length;
    }
  }

  /** Counts the line end starting with {@code c} (CRLF counts once) and returns nothing left over. */
  private int endLine(int c) throws IOException {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        pushedBack = next;
      }
    }
    line++;
    return c;
  }

  /**
   * Skips what is left of a record that is too long, without keeping it: inside quotes up to the closing quote
   * (line breaks included), then to the end of the line.
   */
  private void skipRestOfRecord(boolean quoted, int current) throws IOException {
    boolean inQuotes = quoted;
    int c = current;
    while (c != EOF) {
      if (inQuotes) {
        if (c == '"') {
          int next = read();
          if (next != '"') {
            inQuotes = false;
            c = next;
            continue;
          }
        } else if (c == '\n' || c == '\r') {
          endLine(c);
        }
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == '\n' || c == '\r') {
        endLine(c);
        return;
      }
      c = read();
    }
  }

  private void skipRestOfLine() throws IOException {
    int c = read();
    while (c != EOF && c != '\n' && c != '\r') {
      c = read();
    }
    if (c != EOF) {
      endLine(c);
    }
  }

  private int read() throws IOException {
    if (pushedBack != Integer.MIN_VALUE) {
      int c = pushedBack;
      pushedBack = Integer.MIN_VALUE;
      return c;
    }
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return EOF;
      }
      bytesRead += limit;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
