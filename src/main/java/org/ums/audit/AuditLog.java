package org.ums.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit log, and deletes what is older than {@code ums.audit.retention}; nothing else changes it (the
 * database refuses updates and deletions other than the retention job's).
 */
@Service
public class AuditLog {

  private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
  };

  private final JdbcClient jdbc;
  private final AuditProperties properties;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  AuditLog(JdbcClient jdbc, AuditProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** The entries that match, newest first. */
  public AuditPage page(AuditQuery query, long skip, int limit) {
    var where = new ArrayList<String>();
    var params = new java.util.HashMap<String, Object>();
    if (query.actor() != null) {
      where.add("actor_id = :actor");
      params.put("actor", query.actor());
    }
    if (query.target() != null) {
      where.add("target_id = :target");
      params.put("target", query.target());
    }
    if (query.action() != null) {
      where.add("action = :action");
      params.put("action", query.action().code());
    }
    if (query.from() != null) {
      where.add("occurred_at >= :from");
      params.put("from", Timestamp.from(query.from()));
    }
    if (query.to() != null) {
      where.add("occurred_at < :to");
      params.put("to", Timestamp.from(query.to()));
    }
    String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
    List<AuditEntry> items = jdbc.sql("select * from audit_events" + filter
            + " order by occurred_at desc, id desc offset :skip limit :limit")
        .params(params).param("skip", skip).param("limit", limit).query(this::entry).list();
    long total = jdbc.sql("select count(*) from audit_events" + filter).params(params).query(Long.class).single();
    return new AuditPage(items, total);
  }

  /** Deletes the entries older than the retention; returns how many. */
  @Transactional
  public int purgeExpired() {
    // The trigger lets through only deletions made in a transaction that says it is the retention job.
    jdbc.sql("set local ums.audit_retention = 'on'").update();
    Instant cutoff = clock.instant().minus(properties.retention());
    return jdbc.sql("delete from audit_events where occurred_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).update();
  }

  private AuditEntry entry(ResultSet row, int number) throws SQLException {
    String actor = row.getString("actor_id");
    String target = row.getString("target_id");
    return new AuditEntry(row.getObject("id", UUID.class), row.getTimestamp("occurred_at").toInstant(),
        AuditAction.ofCode(row.getString("action")).orElseThrow(), actor == null ? null : UUID.fromString(actor),
        row.getString("actor_role"), target == null ? null : UUID.fromString(target),
        json.readValue(row.getString("details"), DETAILS), row.getString("client_ip"), row.getString("user_agent"),
        row.getString("request_id"), row.getString("channel"), row.getString("os_user"));
  }
}
