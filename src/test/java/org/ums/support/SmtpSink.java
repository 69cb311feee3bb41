package org.ums.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server for the email benchmark that accepts every message and notes when each was accepted (the
 * reply to its final dot), keeping nothing else. GreenMail sends its multi-line EHLO reply line by line, which
 * with Nagle's algorithm and delayed acknowledgements costs about 40 ms per connection here; this server
 * answers each command in one write, as production MTAs do, so the benchmark measures UMS and not that.
 */
public final class SmtpSink implements AutoCloseable {

  private final ServerSocket socket;
  private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "smtp-sink");
    thread.setDaemon(true);
    return thread;
  });
  private final ConcurrentLinkedQueue<Long> accepted = new ConcurrentLinkedQueue<>();
  private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger connections =
      new java.util.concurrent.atomic.AtomicInteger();

  public SmtpSink() throws IOException {
    socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    workers.execute(this::accept);
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@link System#nanoTime()} at each acceptance, in order. */
  public ConcurrentLinkedQueue<Long> accepted() {
    return accepted;
  }

  /** How many connections clients opened so far. */
  public int connections() {
    return connections.get();
  }

  /** How many client connections are open now. */
  public int openConnections() {
    return open.size();
  }

  /** Closes every client connection without a word. */
  public void dropConnections() throws IOException {
    for (Socket client : open) {
      client.close();
    }
  }

  /** Tells every client "421 closing" and closes its connection, as a server does with idle ones. */
  public void closeIdleConnections() throws IOException {
    for (Socket client : open) {
      reply(client.getOutputStream(), "421 4.4.2 sink.test Idle for too long, closing connection");
      client.close();
    }
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        client.setTcpNoDelay(true);
        connections.incrementAndGet();
        open.add(client);
        workers.execute(() -> converse(client));
      } catch (IOException e) {
        // Closed: the loop ends.
      }
    }
  }

  private void converse(Socket client) {
    try (client) {
      var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = client.getOutputStream();
      reply(out, "220 sink.test ESMTP");
      boolean data = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (data) {
          if (line.equals(".")) {
            data = false;
            accepted.add(System.nanoTime());
            reply(out, "250 2.0.0 Ok: queued");
          }
          continue;
        }
        String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
        switch (command) {
          case "EHLO" -> reply(out, "250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8");
          case "DATA" -> {
            data = true;
            reply(out, "354 End data with <CR><LF>.<CR><LF>");
          }
          case "QUIT" -> {
            reply(out, "221 2.0.0 Bye");
            return;
          }
          default -> reply(out, "250 2.0.0 Ok");
        }
      }
    } catch (IOException e) {
      // The client hung up.
    } finally {
      open.remove(client);
    }
  }

  private static void reply(OutputStream out, String lines) throws IOException {
    out.write((lines + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    workers.shutdownNow();
  }
}
