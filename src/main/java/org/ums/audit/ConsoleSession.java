package org.ums.audit;

import java.util.Objects;

/**
 * The operator at the admin console on whose behalf this thread changes accounts: the audit log records such
 * changes with channel {@code console}, the operating-system user who ran the command and the run's id, where an
 * HTTP request would give the caller, client address and request id.
 *
 * @param osUser who ran the command, as the operating system knows them
 * @param runId one id per command run, recorded as the entries' {@code request_id}
 */
public record ConsoleSession(String osUser, String runId) {

  private static final ThreadLocal<ConsoleSession> CURRENT = new ThreadLocal<>();

  public ConsoleSession {
    Objects.requireNonNull(osUser, "osUser");
    Objects.requireNonNull(runId, "runId");
  }

  /** Starts acting as this session in the current thread until the returned scope is closed. */
  public Scope open() {
    ConsoleSession previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  static ConsoleSession current() {
    return CURRENT.get();
  }

  /** The span of a session; closing it ends it. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
