package org.ums.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for the professional status: a user with a complete profile asks; a manager or an administrator
 * approves (the status is granted, the user is emailed) or rejects with a reason (the user is emailed it).
 */
@Service
public class ProfessionalStatusRequests {

  private static final String VIEW = """
      select r.id, r.user_id, u.nickname, u.role, r.status, r.reason, r.created_at, r.decided_at, r.decided_by
      from professional_status_requests r join users u on u.id = r.user_id""";

  private final ProfessionalStatusRequestRepository requests;
  private final AccountStore store;
  private final JdbcClient jdbc;

  ProfessionalStatusRequests(ProfessionalStatusRequestRepository requests, AccountStore store, JdbcClient jdbc) {
    this.requests = requests;
    this.store = store;
    this.jdbc = jdbc;
  }

  /**
   * The caller asks for the professional status.
   *
   * @throws InvalidAccountDataException naming what the profile lacks: first and last name, bio, and a
   *     LinkedIn or GitHub URL
   * @throws AccountConflictException when the caller is professional already or has a pending request
   */
  @Transactional
  public ProfessionalStatusRequestView request(Actor actor) {
    User user = store.loadForUpdate(actor.id());
    if (user.isProfessional()) {
      throw new AccountConflictException("professional-request.already-professional");
    }
    var missing = new ArrayList<FieldViolation>();
    requirePresent("first_name", user.firstName(), missing);
    requirePresent("last_name", user.lastName(), missing);
    requirePresent("bio", user.bio(), missing);
    if (isBlank(user.linkedinProfileUrl()) && isBlank(user.githubProfileUrl())) {
      missing.add(new FieldViolation("profile_url", "validation.professional.profile-url", "Required"));
    }
    if (!missing.isEmpty()) {
      throw new InvalidAccountDataException(missing);
    }
    if (requests.existsByUserIdAndStatus(user.id().value(), ProfessionalStatusRequest.Status.PENDING)) {
      throw new AccountConflictException("professional-request.pending");
    }
    var request = requests.saveAndFlush(new ProfessionalStatusRequest(user.id(), store.clock().instant()));
    return find(request.id());
  }

  /** Requests with the given status (pending, approved or rejected), oldest first. */
  public RequestPage list(Actor actor, String status, long skip, int limit) {
    AccountRules.requireAdministrator(actor);
    String wanted = status == null ? "PENDING" : status.strip().toUpperCase(Locale.ROOT);
    if (!List.of("PENDING", "APPROVED", "REJECTED").contains(wanted)) {
      throw new InvalidAccountDataException(new FieldViolation("status", "validation.unknown-status",
          "UnknownValue"));
    }
    var items = jdbc.sql(VIEW + " where r.status = :status order by r.created_at, r.id offset :skip limit :limit")
        .param("status", wanted).param("skip", skip).param("limit", limit)
        .query(ProfessionalStatusRequests::view).list();
    long total = jdbc.sql("select count(*) from professional_status_requests where status = :status")
        .param("status", wanted).query(Long.class).single();
    return new RequestPage(items, total);
  }

  /**
   * Grants the status asked for.
   *
   * @throws UserNotFoundException when there is no such request
   * @throws AccountConflictException when it was decided already
   * @throws OperationNotAllowedException when the caller may not manage the requester
   */
  @Transactional
  public ProfessionalStatusRequestView approve(Actor actor, UUID id, String reason) {
    checkReason(reason, false);
    var request = lockForDecision(actor, id);
    User user = store.loadForUpdate(request.userId());
    Instant now = store.clock().instant();
    request.approve(actor.id(), strip(reason), now);
    user.changeProfessionalStatus(true, actor.id(), now);
    requests.saveAndFlush(request);
    store.save(user);
    return find(id);
  }

  /** Turns the request down; the reason is required, as the user is told it. */
  @Transactional
  public ProfessionalStatusRequestView reject(Actor actor, UUID id, String reason) {
    checkReason(reason, true);
    var request = lockForDecision(actor, id);
    request.reject(actor.id(), strip(reason), store.clock().instant());
    requests.saveAndFlush(request);
    return find(id);
  }

  /** The request, locked, once the actor is known to manage its requester. */
  private ProfessionalStatusRequest lockForDecision(Actor actor, UUID id) {
    AccountRules.requireAdministrator(actor);
    var request = requests.findByIdForUpdate(id)
        .orElseThrow(() -> new UserNotFoundException("professional-request.not-found"));
    AccountRules.requireMayManage(actor, store.loadForUpdate(request.userId()));
    return request;
  }

  /**
   * One request, for a manager or an administrator, or for the user who made it.
   *
   * @throws UserNotFoundException when there is none the caller may see
   */
  public ProfessionalStatusRequestView get(Actor actor, UUID id) {
    var request = jdbc.sql(VIEW + " where r.id = :id").param("id", id).query(ProfessionalStatusRequests::view)
        .optional().orElseThrow(() -> new UserNotFoundException("professional-request.not-found"));
    if (!request.userId().equals(actor.id()) && !AccountRules.permissions(actor, request.requesterRole()).read()) {
      throw new UserNotFoundException("professional-request.not-found");
    }
    return request;
  }

  private ProfessionalStatusRequestView find(UUID id) {
    return jdbc.sql(VIEW + " where r.id = :id").param("id", id).query(ProfessionalStatusRequests::view).single();
  }

  private static void checkReason(String reason, boolean required) {
    var violations = new ArrayList<FieldViolation>();
    AccountValidation.checkReason(reason, required, violations);
    if (!violations.isEmpty()) {
      throw new InvalidAccountDataException(violations);
    }
  }

  private static void requirePresent(String field, String value, List<FieldViolation> missing) {
    if (isBlank(value)) {
      missing.add(new FieldViolation(field, "validation.professional.required", "Required"));
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String strip(String value) {
    return isBlank(value) ? null : value.strip();
  }

  private static ProfessionalStatusRequestView view(ResultSet row, int number) throws SQLException {
    return new ProfessionalStatusRequestView(row.getObject("id", UUID.class),
        UserId.of(row.getObject("user_id", UUID.class)), row.getString("nickname"), Role.valueOf(row.getString("role")),
        row.getString("status").toLowerCase(Locale.ROOT), row.getString("reason"), instant(row, "created_at"),
        instant(row, "decided_at"), row.getObject("decided_by", UUID.class));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  /** A page of requests and how many there are in all. */
  public record RequestPage(List<ProfessionalStatusRequestView> items, long total) {
  }
}
