package org.ums.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SMTP server every test context sends to: one GreenMail for the JVM, started before any context so that
 * no email fails for want of a server. Tests use unique addresses, so they never read each other's mail.
 */
public final class MailInbox implements BeforeAllCallback {

  private static volatile GreenMail server = start();

  private static GreenMail start() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP);
    server.start();
    return server;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    // Loading this class starts the server.
  }

  /**
   * Runs {@code during} while the SMTP server is down (connections are refused), then starts it again. Emails
   * received before are forgotten.
   */
  public static synchronized void outage(Runnable during) {
    server.stop();
    try {
      during.run();
    } finally {
      server = start();
    }
  }

  /** Every email received so far for {@code address}. */
  public static List<ReceivedEmail> messagesTo(String address) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(message -> isTo(message, address))
        .map(MailInbox::read)
        .toList();
  }

  /** Waits until {@code address} has received {@code count} emails, and returns the last. */
  public static ReceivedEmail awaitMessage(String address, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(address).size() >= count);
    List<ReceivedEmail> all = messagesTo(address);
    return all.get(count - 1);
  }

  public static ReceivedEmail awaitMessage(String address) {
    return awaitMessage(address, 1);
  }

  private static boolean isTo(MimeMessage message, String address) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      return false;
    }
  }

  private static ReceivedEmail read(MimeMessage message) {
    try {
      String[] parts = new String[2];
      collect(message, parts);
      return new ReceivedEmail(message.getSubject(), parts[0], parts[1]);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(Part part, String[] parts) throws MessagingException, IOException {
    if (part.isMimeType("text/plain") && parts[0] == null) {
      parts[0] = GreenMailUtil.getBody(part).isEmpty() ? "" : (String) part.getContent();
    } else if (part.isMimeType("text/html") && parts[1] == null) {
      parts[1] = (String) part.getContent();
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), parts);
      }
    }
  }

  /** An email as a person reads it: its subject and its plain-text and HTML versions. */
  public record ReceivedEmail(String subject, String text, String html) {

    private static final Pattern VERIFY_LINK = Pattern.compile("https?://[^\\s\"<>()]+(/verify-email/[^\\s\"<>()]+)");

    /** The path of the verification link in the plain-text version. */
    public String verificationPath() {
      Matcher matcher = VERIFY_LINK.matcher(text);
      if (!matcher.find()) {
        throw new AssertionError("No verification link in: " + text);
      }
      return matcher.group(1);
    }
  }
}
