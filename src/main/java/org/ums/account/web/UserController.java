package org.ums.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ums.account.Accounts;
import org.ums.account.Actor;
import org.ums.account.ProfileEdit;
import org.ums.account.Role;
import org.ums.account.Profiles;
import org.ums.account.UserAdministration;
import org.ums.account.UserId;
import org.ums.account.UserCsv;
import org.ums.account.UserSearch;
import org.ums.account.UserView;

@RestController
@RequestMapping("/users")
@Tag(name = "Users")
class UserController {

  private static final String ADMINISTRATORS = "hasAnyRole('MANAGER', 'ADMIN')";

  private final Accounts accounts;
  private final UserAdministration administration;
  private final Profiles profiles;
  private final UserLinks links;

  UserController(Accounts accounts, UserAdministration administration, Profiles profiles, UserLinks links) {
    this.accounts = accounts;
    this.administration = administration;
    this.profiles = profiles;
    this.links = links;
  }

  @GetMapping("/me")
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Your own account")
  UserResponse me(@AuthenticationPrincipal Actor actor) {
    var me = accounts.me(actor);
    return UserResponse.from(me, links.forMe(actor, me));
  }

  @PatchMapping(path = "/me", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
  @PreAuthorize("isAuthenticated()")
  @Operation(summary = "Edit your own profile", description = "A JSON merge patch: nickname, first_name, "
      + "last_name, bio, location, linkedin_profile_url, github_profile_url, show_email. A field set to null "
      + "is cleared; fields left out stay. Any other field (role, email_verified, is_professional, is_locked, "
      + "...) is 422.")
  UserResponse editMe(@AuthenticationPrincipal Actor actor,
      @RequestBody(required = false) Map<String, Object> patch) {
    var me = profiles.editMine(actor, ProfileEdit.parse(patch));
    return UserResponse.from(me, links.forMe(actor, me));
  }

  @GetMapping
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "List and search users", description = "`q` matches nickname, email, first and last name "
      + "as a substring, ignoring case and accents (at most 100 characters); `role` (repeatable or comma-separated), "
      + "`is_locked`, `email_verified`, `is_professional`; `created_from`/`created_to` and `last_login_from`/"
      + "`last_login_to` (ISO 8601 instants or dates; from inclusive, to exclusive); `sort` is `created_at` (the "
      + "default), `last_login_at`, `email` or `nickname`, `-` first for descending, ties by id. `total` is exact "
      + "up to 10,000 (`total_is_exact`), a lower bound beyond. `skip` goes up to 10,000; walk further with the "
      + "`next` link (`after`, a cursor). Paging links keep every filter.")
  UserListResponse list(@AuthenticationPrincipal Actor actor,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "role", required = false) List<String> roles,
      @RequestParam(name = "is_locked", required = false) Boolean locked,
      @RequestParam(name = "email_verified", required = false) Boolean emailVerified,
      @RequestParam(name = "is_professional", required = false) Boolean professional,
      @RequestParam(name = "created_from", required = false) String createdFrom,
      @RequestParam(name = "created_to", required = false) String createdTo,
      @RequestParam(name = "last_login_from", required = false) String lastLoginFrom,
      @RequestParam(name = "last_login_to", required = false) String lastLoginTo,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "skip", defaultValue = "0") long skip,
      @RequestParam(name = "limit", defaultValue = "10") int limit,
      @RequestParam(name = "after", required = false) String after) {
    UserSearch search = UserSearch.parse(q, roles, locked, emailVerified, professional, createdFrom, createdTo,
        lastLoginFrom, lastLoginTo, sort, skip, limit, after);
    var page = administration.search(actor, search);
    var items = page.items().stream().map(user -> represent(actor, user)).toList();
    return new UserListResponse(items, page.total(), page.totalIsExact(), skip / limit + 1, items.size(),
        links.forSearch(search, page));
  }

  @PostMapping
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Create a user", description = "With a role within your rights; a verification email is sent.")
  ResponseEntity<UserResponse> create(@AuthenticationPrincipal Actor actor, @RequestBody CreateUserRequest request) {
    var user = administration.create(actor, request.toNewAccount(), request.role());
    var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/users/{id}")
        .buildAndExpand(user.id().value()).toUri();
    return ResponseEntity.created(location).body(represent(actor, user));
  }

  @GetMapping("/{user_id}")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Read a user")
  UserResponse get(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId) {
    return represent(actor, administration.get(actor, UserId.of(userId)));
  }

  @PutMapping("/{user_id}")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Update a user", description = "Only the fields given change; an empty body is refused.")
  UserResponse update(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId,
      @RequestBody(required = false) UpdateUserRequest request) {
    var changes = request == null ? UpdateUserRequest.NOTHING : request;
    return represent(actor, administration.update(actor, UserId.of(userId), changes.toChanges()));
  }

  @DeleteMapping("/{user_id}")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Delete a user")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId) {
    administration.delete(actor, UserId.of(userId));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{user_id}/unlock")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Unlock a user", description = "Also forgets the failed logins.")
  UserResponse unlock(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId) {
    return represent(actor, administration.unlock(actor, UserId.of(userId)));
  }

  @PostMapping("/{user_id}/lock")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Lock a user", description = "Until unlocked; the owner is told by email.")
  UserResponse lock(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId) {
    return represent(actor, administration.lock(actor, UserId.of(userId)));
  }

  @GetMapping(path = "/export.csv", produces = "text/csv")
  @PreAuthorize("hasRole('ADMIN')")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The users as CSV",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
          schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
  @Operation(summary = "Export users as CSV", description = "ADMIN only. The same filters and `sort` as the list, "
      + "every matching user, streamed; no secrets; cells that a spreadsheet would run as formulas are prefixed "
      + "with '. The export is recorded in the audit log.")
  void export(@AuthenticationPrincipal Actor actor,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "role", required = false) List<String> roles,
      @RequestParam(name = "is_locked", required = false) Boolean locked,
      @RequestParam(name = "email_verified", required = false) Boolean emailVerified,
      @RequestParam(name = "is_professional", required = false) Boolean professional,
      @RequestParam(name = "created_from", required = false) String createdFrom,
      @RequestParam(name = "created_to", required = false) String createdTo,
      @RequestParam(name = "last_login_from", required = false) String lastLoginFrom,
      @RequestParam(name = "last_login_to", required = false) String lastLoginTo,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam Map<String, String> filters, HttpServletResponse response) throws IOException {
    UserSearch search = UserSearch.parse(q, roles, locked, emailVerified, professional, createdFrom, createdTo,
        lastLoginFrom, lastLoginTo, sort, 0, UserSearch.MAX_LIMIT, null);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"users.csv\"");
    var out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
        64 * 1024);
    var csv = new UserCsv(out);
    csv.header();
    administration.export(actor, search, recorded(filters), csv::user);
    out.flush();
  }

  /** The filters the audit log records: the export's own, not whatever else the query string carried. */
  private static Map<String, String> recorded(Map<String, String> parameters) {
    var known = new java.util.LinkedHashMap<String, String>();
    parameters.forEach((name, value) -> {
      if (EXPORT_FILTERS.contains(name)) {
        known.put(name, value);
      }
    });
    return known;
  }

  private static final java.util.Set<String> EXPORT_FILTERS = java.util.Set.of("q", "role", "is_locked",
      "email_verified", "is_professional", "created_from", "created_to", "last_login_from", "last_login_to", "sort");

  @PutMapping("/{user_id}/role")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Change a user's role", description = "`{\"role\", \"reason\"}`, both required (the reason, "
      + "at most 500 characters, is emailed to the user). Nobody changes their own role (403); a manager moves "
      + "users only between ANONYMOUS and AUTHENTICATED (403); the last unlocked ADMIN keeps the role (409). "
      + "Access tokens issued before keep their role until they expire; new ones carry the new role.")
  UserResponse changeRole(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId,
      @RequestBody RoleChangeRequest request) {
    return represent(actor, administration.changeRole(actor, UserId.of(userId), request.role(), request.reason()));
  }

  /** The body of a role change. */
  record RoleChangeRequest(Role role, String reason) {
  }

  @PutMapping("/{user_id}/professional-status")
  @PreAuthorize(ADMINISTRATORS)
  @Operation(summary = "Grant or revoke the professional status",
      description = "Body {\"is_professional\": true|false}; the user is told by email when it changes.")
  UserResponse setProfessionalStatus(@AuthenticationPrincipal Actor actor, @PathVariable("user_id") UUID userId,
      @RequestBody ProfessionalStatusRequest request) {
    return represent(actor, administration.setProfessionalStatus(actor, UserId.of(userId), request.isProfessional()));
  }

  private UserResponse represent(Actor actor, UserView user) {
    return UserResponse.from(user, links.forUser(actor, user));
  }
}
