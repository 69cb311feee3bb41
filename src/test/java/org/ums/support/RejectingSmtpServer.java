package org.ums.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that speaks the protocol but refuses every recipient with {@code 550 5.1.1}, as a real server
 * does for a mailbox that does not exist. GreenMail accepts everything, so this plays the permanent refusal.
 */
public final class RejectingSmtpServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread acceptor;

  public RejectingSmtpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "rejecting-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException e) {
        // A closed server socket ends the loop; a client that hung up ends its conversation.
      }
    }
  }

  private static void converse(Socket client) throws IOException {
    var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
    reply(out, "220 rejecting.test ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 rejecting.test");
        case "MAIL" -> reply(out, "250 2.1.0 Ok");
        case "RCPT" -> reply(out, "550 5.1.1 No such mailbox here");
        case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
        case "QUIT" -> {
          reply(out, "221 2.0.0 Bye");
          return;
        }
        default -> reply(out, "502 5.5.2 Command not implemented");
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
