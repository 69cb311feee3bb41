package org.ums.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.ums.support.SmtpSink;

class SmtpMailGatewayTests {

  private final SmtpSink server = new SmtpSink();
  private final SmtpMailGateway gateway = new SmtpMailGateway(sender(server.port()), "UMS <no-reply@ums.test>");

  SmtpMailGatewayTests() throws Exception {
  }

  private static JavaMailSenderImpl sender(int port) {
    var sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    return sender;
  }

  @AfterEach
  void close() throws Exception {
    gateway.close();
    server.close();
  }

  @Test
  void successiveEmailsShareOneConnection() {
    for (int i = 0; i < 3; i++) {
      gateway.send(email(i));
    }
    assertThat(server.accepted()).hasSize(3);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void connectionTheServerDroppedIsReplacedWithoutLosingTheEmail() throws Exception {
    gateway.send(email(1));
    server.dropConnections();
    await().until(() -> server.openConnections() == 0);

    gateway.send(email(2));

    assertThat(server.accepted()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void connectionTheServerClosedWith421IsReplacedWithoutLosingTheEmail() throws Exception {
    gateway.send(email(1));
    server.closeIdleConnections();
    await().until(() -> server.openConnections() == 0);

    gateway.send(email(2));

    assertThat(server.accepted()).hasSize(2);
    assertThat(server.connections()).isEqualTo(2);
  }

  @Test
  void connectionIsRenewedAfterItsShareOfMessages() {
    for (int i = 0; i < SmtpMailGateway.MESSAGES_PER_CONNECTION + 1; i++) {
      gateway.send(email(i));
    }
    assertThat(server.connections()).isEqualTo(2);
  }

  private static OutgoingEmail email(int i) {
    return new OutgoingEmail("person" + i + "@example.com", "Subject " + i, "<p>Hello</p>", "Hello");
  }
}
