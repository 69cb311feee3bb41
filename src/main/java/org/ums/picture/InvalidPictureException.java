package org.ums.picture;

/** An upload that is not a picture this service takes; {@link #messageKey()} names the sentence that says why. */
public class InvalidPictureException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] arguments;

  InvalidPictureException(String messageKey, Object... arguments) {
    super(messageKey, null, false, false);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
