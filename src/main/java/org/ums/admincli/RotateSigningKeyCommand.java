package org.ums.admincli;

import java.util.concurrent.Callable;
import org.ums.authentication.SigningKeyRotation;
import picocli.CommandLine.Command;

/**
 * {@code rotate-signing-key}: a new key of {@code UMS_JWT_ALGORITHM} signs access tokens from now on (running
 * servers take it within a minute); the replaced keys stay published until their tokens have expired.
 */
@Command(name = "rotate-signing-key", mixinStandardHelpOptions = true)
final class RotateSigningKeyCommand implements Callable<Integer> {

  private final ConsoleRuntime runtime;

  RotateSigningKeyCommand(ConsoleRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public Integer call() {
    return runtime.perform(() -> {
      var rotated = runtime.bean(SigningKeyRotation.class).rotate()
          .orElseThrow(() -> new ConsoleRuntime.ConsoleFailure("console.rotate-signing-key.configured"));
      runtime.say("console.rotate-signing-key.done", rotated.kid(), rotated.algorithm());
      for (var old : rotated.retiring()) {
        runtime.say("console.rotate-signing-key.retiring", old.kid(), old.acceptedUntil().toString());
      }
      return ConsoleRuntime.ExitCode.OK;
    });
  }
}
