package org.ums.audit;

import java.util.List;

/** A page of audit entries, newest first, and how many match in all. */
public record AuditPage(List<AuditEntry> items, long total) {
}
