package org.ums.notification;

/** The port through which emails leave the service. A failure throws, so that the event is delivered again. */
interface MailGateway {

  void send(OutgoingEmail email);
}
