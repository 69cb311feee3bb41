package org.ums.admincli;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.ums.account.Actor;
import org.ums.account.Operators;
import org.ums.account.Role;
import org.ums.account.UserAdministration;
import org.ums.account.UserId;
import org.ums.account.UserNotFoundException;
import org.ums.account.UserView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that act on one account, named by its email. */
final class AccountCommands {

  private AccountCommands() {
  }

  /** What every one-account command shares: the runtime and the account's email. */
  abstract static class OneAccount implements Callable<Integer> {

    final ConsoleRuntime runtime;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", descriptionKey = "console.option.email")
    String email;

    OneAccount(ConsoleRuntime runtime) {
      this.runtime = runtime;
    }

    UserId account() {
      return runtime.bean(Operators.class).idOf(email);
    }

    UserAdministration administration() {
      return runtime.bean(UserAdministration.class);
    }

    /** Makes the change to the account and says {@code doneKey} with its email. */
    int change(java.util.function.Function<UserId, UserView> change, String doneKey) {
      return runtime.perform(() -> {
        UserView user = change.apply(account());
        runtime.say(doneKey, user.email(), user.role().name());
        return ConsoleRuntime.ExitCode.OK;
      });
    }
  }
}

@Command(name = "create-admin", mixinStandardHelpOptions = true)
final class CreateAdminCommand extends AccountCommands.OneAccount {

  @Option(names = "--password-stdin", descriptionKey = "console.option.password-stdin")
  boolean passwordFromStdin;

  CreateAdminCommand(ConsoleRuntime runtime) {
    super(runtime);
  }

  @Override
  public Integer call() {
    return runtime.perform(() -> {
      Operators operators = runtime.bean(Operators.class);
      String password = null;
      if (passwordFromStdin) {
        // At a terminal standard input would echo what is typed: read it as a secret there.
        password = runtime.terminal() ? new String(runtime.askSecret("console.create-admin.password-prompt"))
            : runtime.readLine();
      } else if (runtime.terminal() && !exists(operators)) {
        char[] first = runtime.askSecret("console.create-admin.password-prompt");
        char[] second = runtime.askSecret("console.create-admin.password-again");
        if (first == null || !Arrays.equals(first, second)) {
          throw new ConsoleRuntime.ConsoleFailure("console.create-admin.passwords-differ");
        }
        password = new String(first);
      } else if (!exists(operators)) {
        throw new ConsoleRuntime.ConsoleFailure("console.create-admin.password-needed");
      }
      var appointment = operators.appointAdministrator(email, password);
      runtime.say("console.create-admin." + appointment.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          email.strip());
      return ConsoleRuntime.ExitCode.OK;
    });
  }

  private boolean exists(Operators operators) {
    try {
      operators.idOf(email);
      return true;
    } catch (UserNotFoundException e) {
      return false;
    }
  }
}

@Command(name = "set-role", mixinStandardHelpOptions = true)
final class SetRoleCommand extends AccountCommands.OneAccount {

  @Option(names = "--role", required = true, paramLabel = "ROLE", descriptionKey = "console.option.role")
  Role role;

  @Option(names = "--reason", required = true, paramLabel = "REASON", descriptionKey = "console.option.reason")
  String reason;

  SetRoleCommand(ConsoleRuntime runtime) {
    super(runtime);
  }

  @Override
  public Integer call() {
    return change(id -> administration().changeRole(Actor.CONSOLE, id, role, reason), "console.set-role.done");
  }
}

@Command(name = "lock", mixinStandardHelpOptions = true)
final class LockCommand extends AccountCommands.OneAccount {

  LockCommand(ConsoleRuntime runtime) {
    super(runtime);
  }

  @Override
  public Integer call() {
    return change(id -> administration().lock(Actor.CONSOLE, id), "console.lock.done");
  }
}

@Command(name = "unlock", mixinStandardHelpOptions = true)
final class UnlockCommand extends AccountCommands.OneAccount {

  UnlockCommand(ConsoleRuntime runtime) {
    super(runtime);
  }

  @Override
  public Integer call() {
    return change(id -> administration().unlock(Actor.CONSOLE, id), "console.unlock.done");
  }
}

@Command(name = "verify-email", mixinStandardHelpOptions = true)
final class VerifyEmailCommand extends AccountCommands.OneAccount {

  VerifyEmailCommand(ConsoleRuntime runtime) {
    super(runtime);
  }

  @Override
  public Integer call() {
    return change(id -> runtime.bean(Operators.class).verifyEmail(id), "console.verify-email.done");
  }
}

@Command(name = "delete-user", mixinStandardHelpOptions = true)
final class DeleteUserCommand extends AccountCommands.OneAccount {

  @Option(names = "--yes", descriptionKey = "console.option.yes")
  boolean confirmed;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  DeleteUserCommand(ConsoleRuntime runtime) {
    super(runtime);
  }

  @Override
  public Integer call() {
    if (!confirmed) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          runtime.messages().get("console.delete-user.confirm"));
    }
    return runtime.perform(() -> {
      administration().delete(Actor.CONSOLE, account());
      runtime.say("console.delete-user.done", email.strip());
      return ConsoleRuntime.ExitCode.OK;
    });
  }
}
