package org.ums.account;

/**
 * Who may do what to whom. A MANAGER acts only on ANONYMOUS and AUTHENTICATED users and grants no role above
 * AUTHENTICATED; an ADMIN acts on everyone; nobody changes their own role.
 */
final class AccountRules {

  private AccountRules() {
  }

  static boolean mayAdminister(Role actor) {
    return actor.atLeast(Role.MANAGER);
  }

  static boolean mayManage(Role actor, Role target) {
    return actor == Role.ADMIN || (actor == Role.MANAGER && !target.atLeast(Role.MANAGER));
  }

  static boolean mayGrant(Role actor, Role role) {
    return actor == Role.ADMIN || (actor == Role.MANAGER && !role.atLeast(Role.MANAGER));
  }

  static void requireAdministrator(Actor actor) {
    if (!mayAdminister(actor.role())) {
      throw new OperationNotAllowedException("account.forbidden");
    }
  }

  static void requireMayManage(Actor actor, User target) {
    requireAdministrator(actor);
    if (!mayManage(actor.role(), target.role())) {
      throw new OperationNotAllowedException("account.forbidden-target");
    }
  }

  static void requireMayGrant(Actor actor, Role role) {
    if (!mayGrant(actor.role(), role)) {
      throw new OperationNotAllowedException("account.forbidden-role");
    }
  }

  static void requireNotSelf(Actor actor, User target) {
    if (actor.id().equals(target.id())) {
      throw new OperationNotAllowedException("account.own-role");
    }
  }

  static Permissions permissions(Actor actor, Role target) {
    boolean read = mayAdminister(actor.role());
    boolean manage = read && mayManage(actor.role(), target);
    return new Permissions(read, manage, manage);
  }
}
