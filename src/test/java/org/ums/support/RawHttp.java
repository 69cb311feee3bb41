package org.ums.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte, for what well-behaved clients refuse to send: header values outside ASCII, bodies
 * that are not UTF-8, paths that are encoded oddly. One request per connection.
 */
public final class RawHttp {

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /** Sends {@code method target} with the given header lines (without Host and Content-Length) and body bytes. */
  public Answer send(String method, String target, Map<String, String> headers, byte[] body) {
    var request = new ByteArrayOutputStream();
    request.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    headers.forEach((name, value) -> {
      request.writeBytes((name + ": ").getBytes(StandardCharsets.ISO_8859_1));
      // Values as UTF-8 bytes: what a careless client puts on the wire.
      request.writeBytes(value.getBytes(StandardCharsets.UTF_8));
      request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    });
    if (body != null) {
      request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (body != null) {
      request.writeBytes(body);
    }
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      return Answer.read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Answer send(String method, String target, Map<String, String> headers) {
    return send(method, target, headers, null);
  }

  /** What came back: the status, the headers (names in lower case) and the body as text. */
  public record Answer(int status, Map<String, String> headers, String body) {

    static Answer read(InputStream in) throws IOException {
      byte[] all = in.readAllBytes();
      int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
      String head = new String(all, 0, end < 0 ? all.length : end, StandardCharsets.ISO_8859_1);
      String[] lines = head.split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      var headers = new LinkedHashMap<String, String>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
      }
      byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, end + 4, all.length);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
      var out = new ByteArrayOutputStream();
      byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
      int at = 0;
      while (at < chunked.length) {
        int lineEnd = indexOf(chunked, crlf, at);
        if (lineEnd < 0) {
          break;
        }
        String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
        int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
        if (size == 0) {
          break;
        }
        out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
        at = lineEnd + 2 + size + 2;
      }
      return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] part, int from) {
      outer:
      for (int i = from; i <= data.length - part.length; i++) {
        for (int j = 0; j < part.length; j++) {
          if (data[i + j] != part[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }

    public String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }
}
